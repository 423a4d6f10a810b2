package io.basalt.node.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;

/** The in-process validator client. */
public final class ValidatorOptions {
  @Option(
      names = "--validator-keys",
      paramLabel = "DIR",
      description = "Directory of EIP-2335 keystores; needs --validator-passwords.")
  public Path keysDir;

  @Option(
      names = "--validator-passwords",
      paramLabel = "DIR",
      description = "Directory of password files, one per keystore, same base name.")
  public Path passwordsDir;

  @Option(
      names = "--doppelganger-detection",
      arity = "0..1",
      paramLabel = "BOOL",
      showDefaultValue = Help.Visibility.ALWAYS,
      defaultValue = "false",
      fallbackValue = "true",
      description = "Watch the network for the keys' attestations before signing.")
  public boolean doppelgangerDetection;

  @Option(
      names = "--graffiti",
      paramLabel = "TEXT",
      defaultValue = "",
      showDefaultValue = Help.Visibility.NEVER,
      description = "Graffiti of proposed blocks (at most 32 UTF-8 bytes); empty by default.")
  public String graffiti;
}
