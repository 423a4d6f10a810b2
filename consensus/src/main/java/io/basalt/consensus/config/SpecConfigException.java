package io.basalt.consensus.config;

import java.util.Optional;

/**
 * A spec config that cannot be used: unknown preset, unknown key, ill-typed value or violated
 * relation. The message is one line a command-line tool can print as it is.
 */
public final class SpecConfigException extends RuntimeException {

  private final String key;

  /** An error about one config key (or preset name, for an unknown preset). */
  public SpecConfigException(String key, String message) {
    super(message);
    this.key = key;
  }

  /** An error not tied to one key, e.g. a file that cannot be read or parsed. */
  public SpecConfigException(String message, Throwable cause) {
    super(message, cause);
    this.key = null;
  }

  /** The key (or preset name) the error is about, when there is one. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }
}
