package io.basalt.node.cli;

import io.basalt.node.validator.keys.KdfFunction;
import io.basalt.node.validator.keys.KdfStrength;
import io.basalt.node.validator.keys.KeystoreException;
import io.basalt.node.validator.keys.KeystoreLoader;
import io.basalt.node.validator.keys.KeystoreWriter;
import io.basalt.node.validator.keys.Mnemonics;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.tuweni.bytes.Bytes;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code basalt keys generate|list}: EIP-2335 validator keystores from a mnemonic. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Create and list EIP-2335 validator keystores.",
    subcommands = {KeysCommand.Generate.class, KeysCommand.ListKeys.class})
public final class KeysCommand implements Runnable {

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code basalt keys generate}. */
  @Command(
      name = "generate",
      mixinStandardHelpOptions = true,
      description =
          "Derive validator signing keys m/12381/3600/<i>/0/0 (EIP-2333/2334) from a mnemonic and"
              + " write them as EIP-2335 keystores with one password file each.")
  static final class Generate implements Callable<Integer> {

    @Spec CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    MnemonicOptions mnemonic;

    @Option(names = "--count", required = true, description = "How many keys to write.")
    int count;

    @Option(
        names = "--start-index",
        defaultValue = "0",
        description = "Index of the first key (default: ${DEFAULT-VALUE}).")
    int startIndex;

    @Option(names = "--keys-dir", required = true, paramLabel = "DIR")
    Path keysDir;

    @Option(names = "--passwords-dir", required = true, paramLabel = "DIR")
    Path passwordsDir;

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description = "One password for every keystore (default: a random password per key).")
    Path passwordFile;

    @Option(names = "--kdf", defaultValue = "scrypt", description = "scrypt or pbkdf2.")
    String kdf;

    @Option(
        names = "--kdf-strength",
        defaultValue = "standard",
        description = "standard (EIP-2335 parameters) or light (fast, for local networks).")
    String kdfStrength;

    @Override
    public Integer call() {
      CommandLine cl = spec.commandLine();
      if (count < 1) {
        throw new UsageError(cl, "--count", "must be at least 1, got " + count);
      }
      if (startIndex < 0) {
        throw new UsageError(cl, "--start-index", "must not be negative, got " + startIndex);
      }
      if ((long) startIndex + count > Integer.MAX_VALUE) {
        throw new UsageError(cl, "--count", "start index + count exceeds " + Integer.MAX_VALUE);
      }
      KdfFunction function = parseKdf(cl, kdf);
      KdfStrength strength = parseStrength(cl, "--kdf-strength", kdfStrength);
      Bytes seed = seed(cl, MnemonicOptions.resolve(mnemonic, cl).orElseThrow());
      Optional<String> password = readPassword(cl);
      PrintWriter out = cl.getOut();
      try {
        List<KeystoreWriter.Written> written =
            new KeystoreWriter(function, strength, password)
                .write(seed, startIndex, count, keysDir, passwordsDir);
        for (KeystoreWriter.Written w : written) {
          out.println(w.keystoreFile() + " " + w.key().publicKey().toBytes());
        }
      } catch (IOException e) {
        cl.getErr().println("keys generate: cannot write keystores: " + e.getMessage());
        return 1;
      }
      out.flush();
      return 0;
    }

    private Optional<String> readPassword(CommandLine cl) {
      if (passwordFile == null) {
        return Optional.empty();
      }
      try {
        String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
        return Optional.of(stripNewline(text));
      } catch (IOException e) {
        throw new UsageError(cl, "--password-file", "cannot read " + passwordFile);
      }
    }
  }

  /** {@code basalt keys list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Decrypt every keystore in a directory and print its path and public key.")
  static final class ListKeys implements Callable<Integer> {

    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--keys-dir", required = true, paramLabel = "DIR")
    Path keysDir;

    @Option(names = "--passwords-dir", required = true, paramLabel = "DIR")
    Path passwordsDir;

    @Override
    public Integer call() {
      CommandLine cl = spec.commandLine();
      try {
        for (KeystoreLoader.LoadedKeystore entry :
            KeystoreLoader.loadWithFiles(keysDir, passwordsDir)) {
          String path = entry.path().isEmpty() ? "(no path)" : entry.path();
          cl.getOut().println(path + " " + entry.key().publicKey().toBytes());
        }
      } catch (KeystoreException e) {
        cl.getErr().println("keys list: " + e.getMessage());
        return 1;
      }
      cl.getOut().flush();
      return 0;
    }
  }

  static Bytes seed(CommandLine cl, String mnemonic) {
    try {
      return Mnemonics.seed(mnemonic);
    } catch (IllegalArgumentException e) {
      throw new UsageError(cl, "--mnemonic", e.getMessage());
    }
  }

  static KdfFunction parseKdf(CommandLine cl, String value) {
    for (KdfFunction function : KdfFunction.values()) {
      if (function.jsonName().equals(value.toLowerCase(Locale.ROOT))) {
        return function;
      }
    }
    throw new UsageError(cl, "--kdf", "must be scrypt or pbkdf2, got '" + value + "'");
  }

  static KdfStrength parseStrength(CommandLine cl, String option, String value) {
    try {
      return KdfStrength.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageError(cl, option, "must be standard or light, got '" + value + "'");
    }
  }

  static String stripNewline(String text) {
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }
}
