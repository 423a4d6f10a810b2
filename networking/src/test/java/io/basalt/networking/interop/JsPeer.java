package io.basalt.networking.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The js-libp2p peer ({@code src/test/js/peer.mjs}) as a child process: commands go to its stdin,
 * its JSON-line events are collected from stdout. Every wait is bounded; {@link #close()} always
 * ends the process.
 */
final class JsPeer implements AutoCloseable {
  static final Path DIRECTORY = Path.of("src/test/js");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Writer stdin;
  private final List<JsonNode> events = new ArrayList<>();
  private final StringBuilder stderr = new StringBuilder();

  private JsPeer(Process process) {
    this.process = process;
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread out = new Thread(this::readEvents, "js-peer-stdout");
    out.setDaemon(true);
    out.start();
    Thread err = new Thread(this::readErrors, "js-peer-stderr");
    err.setDaemon(true);
    err.start();
  }

  /**
   * Starts the peer.
   *
   * @throws AssertionError (never a skip) when Node.js or the npm packages are missing
   */
  static JsPeer start() {
    if (!Files.isDirectory(DIRECTORY.resolve("node_modules/libp2p"))) {
      throw new AssertionError(
          "js-libp2p packages missing: run `npm ci` in networking/src/test/js (./run-tests does)");
    }
    try {
      Process process =
          new ProcessBuilder("node", "peer.mjs").directory(DIRECTORY.toFile()).start();
      return new JsPeer(process);
    } catch (IOException e) {
      throw new AssertionError(
          "cannot start `node` (install Node.js 20+, then `npm ci` in networking/src/test/js): "
              + e.getMessage(),
          e);
    }
  }

  private void readEvents() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        JsonNode event;
        try {
          event = JSON.readTree(line);
        } catch (IOException e) {
          continue;
        }
        synchronized (events) {
          events.add(event);
          events.notifyAll();
        }
      }
    } catch (IOException e) {
      // The process ended.
    }
  }

  private void readErrors() {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (stderr) {
          if (stderr.length() < 20_000) {
            stderr.append(line).append('\n');
          }
        }
      }
    } catch (IOException e) {
      // The process ended.
    }
  }

  void send(String command) {
    try {
      stdin.write(command + "\n");
      stdin.flush();
    } catch (IOException e) {
      throw new AssertionError("js peer is gone: " + diagnostics(), e);
    }
  }

  /** Waits for an event (seen before or after this call) matching {@code filter}. */
  JsonNode await(String what, Predicate<JsonNode> filter, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (events) {
      while (true) {
        for (JsonNode event : events) {
          if (filter.test(event)) {
            return event;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || !process.isAlive() && events.stream().noneMatch(filter)) {
          throw new AssertionError(
              "js peer: no " + what + " within " + timeout + "; " + diagnostics());
        }
        try {
          events.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }
  }

  /** Runs a command and waits for its {@code done}; an {@code error} event fails. */
  JsonNode command(String command, Duration timeout) {
    int before;
    synchronized (events) {
      before = events.size();
    }
    String name = command.split(" ")[0];
    send(command);
    int from = before;
    JsonNode result =
        await(
            name + " result",
            e -> indexOf(e) >= from && name.equals(e.path("command").asText()),
            timeout);
    if (!"done".equals(result.path("event").asText())) {
      throw new AssertionError("js peer: " + command + " failed: " + result + "; " + diagnostics());
    }
    return result;
  }

  private int indexOf(JsonNode event) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i) == event) {
        return i;
      }
    }
    return -1;
  }

  String diagnostics() {
    synchronized (stderr) {
      synchronized (events) {
        return "events=" + events + " stderr=" + stderr;
      }
    }
  }

  @Override
  public void close() {
    try {
      if (process.isAlive()) {
        send("stop");
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (AssertionError | InterruptedException e) {
      process.destroyForcibly();
    }
  }
}
