package io.basalt.node.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the node keeps its data and which chain it runs. */
public final class DataOptions {
  @Option(
      names = "--data-dir",
      paramLabel = "DIR",
      defaultValue = "~/.basalt",
      description = "Directory of the node's database and peer store (created if missing).")
  public String dataDir;

  @Option(
      names = "--genesis",
      paramLabel = "DIR",
      description = "Genesis directory written by `basalt genesis` (required).")
  public Path genesis;

  @Option(
      names = "--config-file",
      paramLabel = "FILE",
      description = "YAML file of option values (keys are option names without dashes).")
  public Path configFile;
}
