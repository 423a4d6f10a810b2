package io.basalt.testnet;

import io.basalt.consensus.config.SpecConfig;
import io.basalt.node.genesis.GenesisGenerator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks made before anything starts, each failing with a one-line {@link TestnetException} that
 * says what to change.
 */
public final class Preflight {

  private Preflight() {}

  /** Node count, validator count (at least one per committee and one per node). */
  public static void checkSizes(TestnetSpec spec, SpecConfig config) throws TestnetException {
    if (spec.nodes() < 1 || spec.nodes() >= PortLayout.MAX_NODES) {
      throw new TestnetException(
          "--nodes must be between 1 and " + (PortLayout.MAX_NODES - 1) + ", got " + spec.nodes());
    }
    int minimum = GenesisGenerator.minimumValidators(config);
    if (spec.validators() < minimum) {
      throw new TestnetException(
          "--validators "
              + spec.validators()
              + " is too few for "
              + config.shardCount()
              + " shards with the "
              + spec.preset()
              + " preset: use at least "
              + minimum
              + " (SLOTS_PER_EPOCH × SHARD_COUNT), or fewer --shards");
    }
    if (spec.validators() < spec.nodes()) {
      throw new TestnetException(
          "--validators "
              + spec.validators()
              + " cannot be split over "
              + spec.nodes()
              + " nodes: use at least one validator per node");
    }
  }

  /** Tries to bind every port nodes {@code from..to-1} will use; names the first one taken. */
  public static void checkPortsFree(PortLayout ports, int from, int to) throws TestnetException {
    for (int k = from; k < to; k++) {
      check(ports.rpc(k), "JSON-RPC", k, ports);
      check(ports.p2p(k), "p2p", k, ports);
      check(ports.metrics(k), "metrics", k, ports);
    }
  }

  /** The ports of nodes {@code from..to-1} that cannot be bound now. */
  public static List<Integer> takenPorts(PortLayout ports, int from, int to) {
    List<Integer> taken = new ArrayList<>();
    for (int k = from; k < to; k++) {
      for (int port : new int[] {ports.rpc(k), ports.p2p(k), ports.metrics(k)}) {
        if (!isFree(port)) {
          taken.add(port);
        }
      }
    }
    return taken;
  }

  private static void check(int port, String what, int node, PortLayout ports)
      throws TestnetException {
    if (!isFree(port)) {
      throw new TestnetException(
          "port "
              + port
              + " ("
              + what
              + " of node "
              + node
              + ") is already in use; stop what uses it or pass another --base-port (now "
              + ports.base()
              + ")");
    }
  }

  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
