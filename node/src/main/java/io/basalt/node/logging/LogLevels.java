package io.basalt.node.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets log levels at runtime on the logback backend (the node's {@code --log-level}). */
public final class LogLevels {
  private LogLevels() {}

  /**
   * Sets the root logger's level.
   *
   * @param level TRACE, DEBUG, INFO, WARN or ERROR (already validated)
   * @throws IllegalStateException if logback is not the SLF4J backend
   */
  public static void setRoot(String level) {
    if (!(LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root)) {
      throw new IllegalStateException(
          "logback is not the logging backend; cannot set the log level to " + level);
    }
    root.setLevel(Level.toLevel(level, Level.INFO));
  }

  /** The root logger's current level, e.g. {@code INFO}. */
  public static String root() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    return root.getLevel().toString();
  }
}
