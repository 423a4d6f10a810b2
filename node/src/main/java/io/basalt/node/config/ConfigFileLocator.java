package io.basalt.node.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Finds the config file of a {@code basalt run} invocation before picocli parses it. It has to come
 * first: picocli applies defaults (where file values enter) before it reads the flags.
 */
public final class ConfigFileLocator {
  /** The option naming the config file. */
  public static final String OPTION = "--config-file";

  private static final String RUN = "run";

  private ConfigFileLocator() {}

  /**
   * {@code --config-file F} or {@code --config-file=F} after {@code run}, else {@code
   * BASALT_CONFIG_FILE}; empty for other subcommands. A {@code --config-file} without a value is
   * left for picocli to report.
   */
  public static Optional<Path> find(String[] args, Map<String, String> env) throws ConfigException {
    int run = -1;
    for (int i = 0; i < args.length && run < 0; i++) {
      if (args[i].equals(RUN)) {
        run = i;
      } else if (!args[i].startsWith("-")) {
        return Optional.empty(); // another subcommand
      }
    }
    if (run < 0) {
      return Optional.empty();
    }
    for (int i = run + 1; i < args.length; i++) {
      if (args[i].equals(OPTION) && i + 1 < args.length) {
        return Optional.of(toPath(args[i + 1]));
      }
      if (args[i].startsWith(OPTION + "=")) {
        return Optional.of(toPath(args[i].substring(OPTION.length() + 1)));
      }
    }
    String fromEnv = env.get(EnvNames.envName(OPTION));
    return fromEnv == null ? Optional.empty() : Optional.of(toPath(fromEnv));
  }

  /** The keys a config file for {@code command} may hold: its option names without dashes. */
  public static Set<String> knownKeys(CommandSpec command) {
    Set<String> keys = new TreeSet<>();
    for (OptionSpec option : command.options()) {
      if (!option.usageHelp() && !option.versionHelp() && !option.longestName().equals(OPTION)) {
        keys.add(EnvNames.fileKey(option.longestName()));
      }
    }
    return keys;
  }

  private static Path toPath(String value) throws ConfigException {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw ConfigException.forOption(OPTION, "'" + value + "' is not a valid path");
    }
  }
}
