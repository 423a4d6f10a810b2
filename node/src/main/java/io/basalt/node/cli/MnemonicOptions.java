package io.basalt.node.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --mnemonic WORDS | --mnemonic-file FILE}, mutually exclusive (an ArgGroup). */
final class MnemonicOptions {

  @Option(
      names = "--mnemonic",
      paramLabel = "WORDS",
      description = "BIP-39 mnemonic (visible in the process list; prefer --mnemonic-file).")
  String mnemonic;

  @Option(
      names = "--mnemonic-file",
      paramLabel = "FILE",
      description = "File holding the BIP-39 mnemonic.")
  Path mnemonicFile;

  /** The mnemonic text, or empty if neither option was given. */
  static Optional<String> resolve(MnemonicOptions options, CommandLine commandLine) {
    if (options == null) {
      return Optional.empty();
    }
    if (options.mnemonic != null) {
      return Optional.of(options.mnemonic);
    }
    try {
      return Optional.of(Files.readString(options.mnemonicFile, StandardCharsets.UTF_8).strip());
    } catch (IOException e) {
      throw new UsageError(
          commandLine, "--mnemonic-file", "cannot read " + options.mnemonicFile + " (" + e + ")");
    }
  }
}
