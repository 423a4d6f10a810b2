package io.basalt.node.cli.options;

import java.nio.file.Path;
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
      defaultValue = "false",
      fallbackValue = "true",
      description = "Watch for the keys' attestations for two epochs before signing.")
  public boolean doppelgangerDetection;

  @Option(
      names = "--graffiti",
      paramLabel = "TEXT",
      defaultValue = "",
      description = "Graffiti of proposed blocks (at most 32 UTF-8 bytes).")
  public String graffiti;
}
