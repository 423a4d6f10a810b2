package io.basalt.node.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code basalt slashing-protection import|export}: moves a validator client's slashing-protection
 * records in and out of its database ({@code <data-dir>/validator/slashing-protection}) as EIP-3076
 * interchange files.
 */
@Command(
    name = "slashing-protection",
    mixinStandardHelpOptions = true,
    description = "Import or export slashing protection records (EIP-3076 interchange format 5).",
    subcommands = {SlashingProtectionImportCommand.class, SlashingProtectionExportCommand.class})
public final class SlashingProtectionCommand implements Runnable {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
