package io.basalt.testnet.e2e;

import static org.assertj.core.api.Assertions.fail;

import io.basalt.testnet.Testnet;
import io.basalt.testnet.TestnetException;
import io.basalt.testnet.status.NodeStatus;
import java.nio.file.Files;
import java.nio.file.Path;

/** Polls the testnet once a second; fails with the nodes' log tails on timeout or a dead node. */
final class Waiter {
  private final Testnet testnet;

  Waiter(Testnet testnet) {
    this.testnet = testnet;
  }

  interface Check {
    boolean holds() throws Exception;
  }

  interface StatusCheck {
    boolean holds(NodeStatus status);
  }

  void untilAll(int nodes, String what, StatusCheck check, int seconds) throws Exception {
    until(
        what,
        () -> {
          for (int k = 0; k < nodes; k++) {
            NodeStatus status = testnet.status(k);
            if (!status.up() || !check.holds(status)) {
              return false;
            }
          }
          return true;
        },
        seconds);
  }

  void until(String what, Check check, int seconds) throws Exception {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (check.holds()) {
        return;
      }
      for (int k = 0; k < testnet.nodes().size(); k++) {
        if (!testnet.isRunning(k) && Files.exists(testnet.node(k).log())) {
          fail("Node " + k + " exited while waiting for: " + what + logs());
        }
      }
      Thread.sleep(1000);
    }
    fail("Timed out after " + seconds + " s waiting for: " + what + "; " + statuses() + logs());
  }

  private String statuses() throws TestnetException {
    return testnet.statuses().toString();
  }

  private String logs() throws Exception {
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < testnet.nodes().size(); k++) {
      Path log = testnet.node(k).log();
      if (Files.exists(log)) {
        String all = Files.readString(log);
        text.append("\n===== node ").append(k).append(" =====\n");
        text.append(all.length() > 4000 ? all.substring(all.length() - 4000) : all);
      }
    }
    return text.toString();
  }
}
