package io.basalt.node.config;

import io.basalt.networking.multiaddr.Multiaddr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks of single option values. Each throws a {@link ConfigException} whose one-line message
 * names the option and says what was wrong and what is allowed.
 */
public final class OptionChecks {
  /** The log levels {@code --log-level} accepts (case-insensitive). */
  public static final Set<String> LOG_LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

  /** Graffiti is a 32-byte field of the beacon block body. */
  public static final int MAX_GRAFFITI_BYTES = 32;

  private OptionChecks() {}

  /** A TCP port; 0 means "any free port". */
  public static int port(String option, int value) throws ConfigException {
    if (value < 0 || value > 65535) {
      throw ConfigException.forOption(
          option, "port must be 1-65535 (or 0 for any free port), got " + value);
    }
    return value;
  }

  /** An integer that must be at least {@code min}. */
  public static int atLeast(String option, int value, int min) throws ConfigException {
    if (value < min) {
      throw ConfigException.forOption(option, "must be at least " + min + ", got " + value);
    }
    return value;
  }

  /** A host name or address to bind: not blank, no spaces. */
  public static String host(String option, String value) throws ConfigException {
    if (value == null || value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
      throw ConfigException.forOption(
          option, "must be a host name or IP address, got '" + value + "'");
    }
    return value;
  }

  /** A directory that must already exist. */
  public static Path existingDir(String option, Path value) throws ConfigException {
    if (!Files.exists(value)) {
      throw ConfigException.forOption(option, "directory " + value + " does not exist");
    }
    if (!Files.isDirectory(value)) {
      throw ConfigException.forOption(option, value + " is not a directory");
    }
    return value;
  }

  /** A directory that may not exist yet (the node creates it) but must not be a file. */
  public static Path creatableDir(String option, Path value) throws ConfigException {
    if (Files.exists(value) && !Files.isDirectory(value)) {
      throw ConfigException.forOption(option, value + " exists and is not a directory");
    }
    return value;
  }

  /** Bootnode multiaddrs: each must parse and carry the peer's identity ({@code /p2p/<id>}). */
  public static List<String> bootnodes(String option, List<String> values) throws ConfigException {
    for (String value : values) {
      Multiaddr address;
      try {
        address = Multiaddr.parse(value);
      } catch (IllegalArgumentException e) {
        throw ConfigException.forOption(
            option, "'" + value + "' is not a valid multiaddr: " + e.getMessage());
      }
      if (address.peerId().isEmpty()) {
        throw ConfigException.forOption(
            option, "'" + value + "' has no peer id; expected .../p2p/<peer id>");
      }
    }
    return List.copyOf(values);
  }

  /** CORS origins: each non-blank, without spaces ({@code *} allows any origin). */
  public static List<String> rpcCors(String option, List<String> values) throws ConfigException {
    for (String value : values) {
      if (value.isBlank() || value.chars().anyMatch(Character::isWhitespace)) {
        throw ConfigException.forOption(
            option, "'" + value + "' is not an origin (e.g. http://localhost:3000 or *)");
      }
    }
    return List.copyOf(values);
  }

  /** A directory path as typed: {@code ~} and {@code ~/...} are under {@code home}. */
  public static Path path(String option, String value, Path home) throws ConfigException {
    try {
      if (value.equals("~")) {
        return home;
      }
      if (value.startsWith("~/")) {
        return home.resolve(value.substring(2));
      }
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw ConfigException.forOption(
          option, "'" + value + "' is not a valid path: " + e.getReason());
    }
  }

  /** Graffiti of at most {@value #MAX_GRAFFITI_BYTES} UTF-8 bytes. */
  public static String graffiti(String option, String value) throws ConfigException {
    int bytes = value.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_GRAFFITI_BYTES) {
      throw ConfigException.forOption(
          option, "must be at most " + MAX_GRAFFITI_BYTES + " UTF-8 bytes, got " + bytes);
    }
    return value;
  }

  /** A log level, returned upper case. */
  public static String logLevel(String option, String value) throws ConfigException {
    String level = value.toUpperCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(level)) {
      throw ConfigException.forOption(
          option, "unknown log level '" + value + "'; use one of TRACE, DEBUG, INFO, WARN, ERROR");
    }
    return level;
  }
}
