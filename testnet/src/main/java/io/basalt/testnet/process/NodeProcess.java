package io.basalt.testnet.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One node as its own OS process: {@code java -Xmx<heap> -cp <this JVM's class path>
 * io.basalt.node.cli.BasaltCommand run ...}, output appended to its log. Thread-safe.
 */
public final class NodeProcess {

  /** How long a node gets to stop after SIGTERM before it is killed. */
  public static final long STOP_TIMEOUT_SECONDS = 30;

  private static final String MAIN_CLASS = "io.basalt.node.cli.BasaltCommand";

  /** Extra JVM options for every node, separated by spaces (e.g. {@code -Xlog:gc}). */
  public static final String JVM_OPTIONS_VARIABLE = "BASALT_NODE_JAVA_OPTS";

  private final List<String> command;
  private final Path log;
  private Process process;

  /**
   * @param heap the {@code -Xmx} value, e.g. {@code 768m}
   * @param runArguments the arguments after {@code basalt run}
   */
  public NodeProcess(String heap, List<String> runArguments, Path log) {
    List<String> cmd = new ArrayList<>();
    cmd.add(javaBinary());
    cmd.add("-Xmx" + heap);
    // One GC thread: several nodes share a small machine.
    cmd.add("-XX:+UseSerialGC");
    cmd.addAll(extraJvmOptions(System.getenv(JVM_OPTIONS_VARIABLE)));
    cmd.add("-cp");
    cmd.add(nodeClasspath());
    cmd.add(MAIN_CLASS);
    cmd.add("run");
    cmd.addAll(runArguments);
    this.command = List.copyOf(cmd);
    this.log = log;
  }

  /** The options in {@code value} (space-separated), none when it is unset or blank. */
  static List<String> extraJvmOptions(String value) {
    return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
  }

  /** The java binary running this JVM, so nodes run on the same JDK as the launcher. */
  static String javaBinary() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * This JVM's class path without test-class directories, whose test-only service registrations
   * would otherwise be picked up by the node.
   */
  static String nodeClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  public List<String> command() {
    return command;
  }

  public synchronized void start() throws IOException {
    if (isAlive()) {
      throw new IllegalStateException("already running as pid " + process.pid());
    }
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
  }

  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  public synchronized Optional<Long> pid() {
    return isAlive() ? Optional.of(process.pid()) : Optional.empty();
  }

  /**
   * SIGTERM, then waits for the node's clean stop (SIGKILL after {@link #STOP_TIMEOUT_SECONDS}).
   *
   * @return the exit code, or empty if it was not running
   */
  public Optional<Integer> stop() throws InterruptedException {
    Process running;
    synchronized (this) {
      if (!isAlive()) {
        return Optional.empty();
      }
      running = process;
    }
    running.destroy();
    if (!running.waitFor(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      running.destroyForcibly().waitFor();
    }
    return Optional.of(running.exitValue());
  }

  /** Sends SIGTERM without waiting (to stop several nodes at once; then {@link #stop}). */
  public synchronized void terminate() {
    if (isAlive()) {
      process.destroy();
    }
  }

  /** SIGKILL: no shutdown hook runs in the node. Returns once the process is gone. */
  public void kill() throws InterruptedException {
    Process running;
    synchronized (this) {
      if (!isAlive()) {
        return;
      }
      running = process;
    }
    running.destroyForcibly().waitFor();
  }

  public Path log() {
    return log;
  }
}
