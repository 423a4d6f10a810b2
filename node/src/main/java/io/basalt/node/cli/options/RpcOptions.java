package io.basalt.node.cli.options;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Help;
import picocli.CommandLine.Option;

/** The JSON-RPC endpoint. */
public final class RpcOptions {
  @Option(
      names = "--rpc-enabled",
      arity = "0..1",
      paramLabel = "BOOL",
      showDefaultValue = Help.Visibility.ALWAYS,
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Serve JSON-RPC over HTTP.")
  public boolean enabled;

  @Option(
      names = "--rpc-host",
      paramLabel = "HOST",
      defaultValue = "127.0.0.1",
      description = "Address the JSON-RPC server binds.")
  public String host;

  @Option(
      names = "--rpc-port",
      paramLabel = "PORT",
      defaultValue = "8545",
      description = "Port of the JSON-RPC server (0: any free port).")
  public int port;

  @Option(
      names = "--rpc-cors",
      paramLabel = "ORIGIN",
      split = ",",
      description = "Origins allowed by CORS, comma-separated (* for any); none by default.")
  public List<String> cors = new ArrayList<>();
}
