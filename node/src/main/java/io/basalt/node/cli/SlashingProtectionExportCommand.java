package io.basalt.node.cli;

import io.basalt.node.validator.slashing.Interchange;
import io.basalt.node.validator.slashing.InterchangeExporter;
import io.basalt.node.validator.slashing.InterchangeJson;
import io.basalt.node.validator.slashing.KvSlashingProtection;
import io.basalt.node.validator.slashing.SlashingProtectionException;
import io.basalt.storage.StorageException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code basalt slashing-protection export}: writes every record of an existing database as an
 * interchange file in the complete format. Exit code 0 on success, 1 with a one-line error.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = "Export the slashing protection database as an EIP-3076 interchange file.")
final class SlashingProtectionExportCommand implements Callable<Integer> {

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
      description = "The interchange JSON file to write (replaced if it exists).")
  private Path file;

  @Override
  public Integer call() {
    Path database = KvSlashingProtection.databaseDirectory(dataDir);
    try (KvSlashingProtection protection = KvSlashingProtection.openExisting(database)) {
      Interchange interchange = new InterchangeExporter(protection).export();
      InterchangeJson.write(interchange, file);
      spec.commandLine()
          .getOut()
          .printf(
              "Exported %d validators from %s to %s%n", interchange.data().size(), database, file);
      return 0;
    } catch (SlashingProtectionException | StorageException e) {
      spec.commandLine().getErr().println("Export failed: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      spec.commandLine().getErr().println("Export failed: cannot write " + file + ": " + e);
      return 1;
    }
  }
}
