package io.basalt.node.cli.options;

import picocli.CommandLine.Help;
import picocli.CommandLine.Option;

/** The Prometheus endpoint. */
public final class MetricsOptions {
  @Option(
      names = "--metrics-enabled",
      arity = "0..1",
      paramLabel = "BOOL",
      showDefaultValue = Help.Visibility.ALWAYS,
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Serve Prometheus metrics at /metrics.")
  public boolean enabled;

  @Option(
      names = "--metrics-host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "Address the metrics server binds.")
  public String host;

  @Option(
      names = "--metrics-port",
      paramLabel = "PORT",
      defaultValue = "9100",
      description = "Port of the metrics server (0: any free port).")
  public int port;
}
