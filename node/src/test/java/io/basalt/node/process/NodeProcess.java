package io.basalt.node.process;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;

/**
 * One node as its own OS process ({@code basalt run} on this JVM's classpath), its output in a log
 * file, with its metrics endpoint to watch it.
 */
final class NodeProcess implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final List<String> command;
  private final Path log;
  private final int metricsPort;
  private Process process;

  NodeProcess(List<String> runArguments, Path log, int metricsPort) {
    this.command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Xmx384m");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(mainClasspath());
    command.add("io.basalt.node.cli.BasaltCommand");
    command.add("run");
    command.addAll(runArguments);
    this.log = log;
    this.metricsPort = metricsPort;
  }

  /** This JVM's classpath without test classes (whose test-only services would shadow the node). */
  private static String mainClasspath() {
    return java.util.Arrays.stream(
            System.getProperty("java.class.path").split(java.io.File.pathSeparator))
        .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
        .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
  }

  void start() throws IOException {
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** SIGTERM, then waits for a clean exit; returns the exit code. */
  int stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("Node did not stop within 30 s of SIGTERM; log: " + log);
    }
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** A gauge from the node's metrics endpoint, if the node answers and has it. */
  OptionalDouble metric(String name) {
    return scrape()
        .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst();
  }

  /** The lines of the node's metrics page; none when the node does not answer. */
  private java.util.stream.Stream<String> scrape() {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics"))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.body().lines();
    } catch (IOException e) {
      return java.util.stream.Stream.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return java.util.stream.Stream.empty();
    }
  }

  /**
   * A labelled sample, e.g. {@code metric("basalt_shard_head_height", "shard", "0")}: the first
   * sample of {@code name} carrying every given {@code label, value} pair, in any order.
   */
  OptionalDouble metric(String name, String... labelValuePairs) {
    List<String> wanted = new ArrayList<>();
    for (int i = 0; i + 1 < labelValuePairs.length; i += 2) {
      wanted.add(labelValuePairs[i] + "=\"" + labelValuePairs[i + 1] + "\"");
    }
    return scrape()
        .filter(line -> line.startsWith(name + "{"))
        .filter(line -> wanted.stream().allMatch(line::contains))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst();
  }

  String logText() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    if (isAlive()) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** A port free right now on loopback. */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
