package io.basalt.testnet.cli;

import io.basalt.testnet.Testnet;
import io.basalt.testnet.TestnetException;
import io.basalt.testnet.control.ControlCommands;
import io.basalt.testnet.load.LoadGenerator;
import io.basalt.testnet.status.StatusLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Prints a status line once per slot and runs the control commands typed on stdin, until the
 * launcher is interrupted (Ctrl-C runs the shutdown hook, which stops the nodes).
 */
final class LiveStatus {

  private final Testnet testnet;
  private final Optional<LoadGenerator> load;
  private final ControlCommands commands;
  private final PrintWriter out;

  LiveStatus(
      Testnet testnet, Optional<LoadGenerator> load, ControlCommands commands, PrintWriter out) {
    this.testnet = testnet;
    this.load = load;
    this.commands = commands;
    this.out = out;
  }

  void run() throws TestnetException {
    Thread stdin = new Thread(this::readCommands, "testnet-stdin");
    stdin.setDaemon(true);
    stdin.start();
    long slotMillis = testnet.config().secondsPerSlot().longValue() * 1000;
    long genesisMillis = testnet.genesisTime() * 1000;
    try {
      while (!Thread.currentThread().isInterrupted()) {
        long now = System.currentTimeMillis();
        long slot =
            now < genesisMillis
                ? -((genesisMillis - now + 999) / 1000)
                : (now - genesisMillis) / slotMillis;
        String line = StatusLine.format(slot, testnet.statuses(), testnet.config().shardCount());
        if (load.isPresent()) {
          line += " | " + load.get().summary();
        }
        synchronized (out) {
          out.println(line);
          out.flush();
        }
        long next =
            now < genesisMillis
                ? Math.min(genesisMillis, now + slotMillis)
                : genesisMillis + (slot + 1) * slotMillis;
        Thread.sleep(Math.max(100, next - now + 200));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void readCommands() {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    try {
      String line;
      while ((line = reader.readLine()) != null) {
        String answer;
        try {
          answer = commands.execute(line);
        } catch (TestnetException e) {
          answer = "error: " + e.getMessage();
        } catch (InterruptedException e) {
          return;
        }
        if (!answer.isEmpty()) {
          synchronized (out) {
            out.println("> " + answer);
            out.flush();
          }
        }
      }
    } catch (IOException e) {
      // stdin closed or unreadable: the launcher goes on without typed commands.
    }
  }
}
