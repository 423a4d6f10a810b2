package io.basalt.node.config;

import java.util.Locale;

/** How option names map to environment variables and config-file keys. */
public final class EnvNames {
  /** Prefix of every environment variable Basalt reads. */
  public static final String PREFIX = "BASALT_";

  private EnvNames() {}

  /** {@code --p2p-port} → {@code BASALT_P2P_PORT}. */
  public static String envName(String optionName) {
    return PREFIX + fileKey(optionName).toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** {@code --p2p-port} → {@code p2p-port}: the key of the option in a YAML config file. */
  public static String fileKey(String optionName) {
    int start = 0;
    while (start < optionName.length() && optionName.charAt(start) == '-') {
      start++;
    }
    return optionName.substring(start);
  }
}
