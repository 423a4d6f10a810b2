package io.basalt.node.cli;

import io.basalt.node.validator.slashing.ImportSummary;
import io.basalt.node.validator.slashing.Interchange;
import io.basalt.node.validator.slashing.InterchangeImporter;
import io.basalt.node.validator.slashing.InterchangeJson;
import io.basalt.node.validator.slashing.KvSlashingProtection;
import io.basalt.node.validator.slashing.SlashingProtectionException;
import io.basalt.storage.StorageException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code basalt slashing-protection import}: merges an interchange file into the database, which is
 * created for the file's chain when absent. Exit code 0 on success, 1 with a one-line error.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Import an EIP-3076 interchange file into the slashing protection database.")
final class SlashingProtectionImportCommand implements Callable<Integer> {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--data-dir",
      required = true,
      paramLabel = "DIR",
      description = "The node's data directory.")
  private Path dataDir;

  @Option(
      names = "--file",
      required = true,
      paramLabel = "FILE",
      description = "The interchange JSON file to import.")
  private Path file;

  @Override
  public Integer call() {
    Path database = KvSlashingProtection.databaseDirectory(dataDir);
    try {
      Interchange interchange = InterchangeJson.read(file);
      try (KvSlashingProtection protection =
          KvSlashingProtection.open(database, interchange.metadata().genesisValidatorsRoot())) {
        ImportSummary summary = new InterchangeImporter(protection).importInterchange(interchange);
        spec.commandLine()
            .getOut()
            .printf(
                "Imported %d validators (%d blocks, %d attestations, %d shard blocks) from %s"
                    + " into %s%n",
                summary.validators(),
                summary.blocks(),
                summary.attestations(),
                summary.shardBlocks(),
                file,
                database);
      }
      return 0;
    } catch (SlashingProtectionException | StorageException e) {
      spec.commandLine().getErr().println("Import failed: " + e.getMessage());
      return 1;
    }
  }
}
