package io.basalt.node.config;

/**
 * A configuration value that cannot be used: a bad option value, or a config file that cannot be
 * read. The message is one line and names the option or file, ready to show to the user.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  private ConfigException(String message, Throwable cause) {
    super(message, cause);
  }

  /** A bad value of {@code option} (e.g. {@code --p2p-port}); {@code problem} says why. */
  public static ConfigException forOption(String option, String problem) {
    return new ConfigException(option + ": " + problem, null);
  }

  /** A config file that cannot be used; {@code problem} says why. */
  public static ConfigException forFile(String file, String problem, Throwable cause) {
    return new ConfigException("config file " + file + ": " + problem, cause);
  }
}
