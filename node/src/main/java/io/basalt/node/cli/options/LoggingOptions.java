package io.basalt.node.cli.options;

import picocli.CommandLine.Option;

/** Log output. */
public final class LoggingOptions {
  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      defaultValue = "INFO",
      description = "Root log level: TRACE, DEBUG, INFO, WARN or ERROR.")
  public String level;
}
