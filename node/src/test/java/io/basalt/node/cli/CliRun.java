package io.basalt.node.cli;

import io.basalt.node.config.NodeOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code basalt} in-process with a recording launcher and a given environment. */
final class CliRun {
  final int exitCode;
  final String out;
  final String err;
  final List<NodeOptions> launched;

  private CliRun(int exitCode, String out, String err, List<NodeOptions> launched) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
    this.launched = launched;
  }

  static CliRun run(Map<String, String> env, String... args) {
    return run(env, 0, args);
  }

  /** The recording launcher returns {@code launcherExit}. */
  static CliRun run(Map<String, String> env, int launcherExit, String... args) {
    List<NodeOptions> launched = new ArrayList<>();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        BasaltCommand.execute(
            args,
            options -> {
              launched.add(options);
              return launcherExit;
            },
            env,
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString(), List.copyOf(launched));
  }

  /** The options the launcher received; fails unless it was called exactly once. */
  NodeOptions options() {
    if (launched.size() != 1) {
      throw new AssertionError(
          "launcher called " + launched.size() + " times; exit " + exitCode + ", err: " + err);
    }
    return launched.get(0);
  }
}
