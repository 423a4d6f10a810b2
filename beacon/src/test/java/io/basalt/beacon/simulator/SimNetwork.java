package io.basalt.beacon.simulator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * An in-memory network between simulated nodes. Each message is delivered after a delay drawn
 * uniformly from {@code [minDelayMillis, maxDelayMillis]}, or lost with probability {@code
 * lossProbability}; both drawn from the one seeded random source, in the order messages are sent,
 * so a run is reproducible. A partition splits the nodes into groups: a message between groups is
 * dropped when sent, and also when it would arrive while the groups are apart (a partition cuts
 * messages in flight). Gossip is modelled as one hop: a broadcast is sent to every other node.
 */
public final class SimNetwork {

  /** Receives the messages addressed to one node. */
  @FunctionalInterface
  public interface Endpoint {
    void deliver(int from, SimMessage message);
  }

  private final SimScheduler scheduler;
  private final RandomGenerator random;
  private final List<Endpoint> endpoints = new ArrayList<>();
  private long minDelayMillis = 50;
  private long maxDelayMillis = 150;
  private double lossProbability;
  private int[] groupOf = new int[0];
  private long sent;
  private long dropped;

  public SimNetwork(SimScheduler scheduler, RandomGenerator random) {
    this.scheduler = scheduler;
    this.random = random;
  }

  /** Adds a node; returns its id (0, 1, ...). */
  public int join(Endpoint endpoint) {
    endpoints.add(endpoint);
    groupOf = new int[endpoints.size()];
    return endpoints.size() - 1;
  }

  public SimNetwork delay(long minMillis, long maxMillis) {
    if (minMillis < 0 || maxMillis < minMillis) {
      throw new IllegalArgumentException("delay range [" + minMillis + ", " + maxMillis + "]");
    }
    this.minDelayMillis = minMillis;
    this.maxDelayMillis = maxMillis;
    return this;
  }

  public SimNetwork loss(double probability) {
    if (probability < 0 || probability >= 1) {
      throw new IllegalArgumentException("loss probability " + probability);
    }
    this.lossProbability = probability;
    return this;
  }

  /**
   * Splits the network: nodes in different groups cannot reach each other. Nodes named in no group
   * form one more group together.
   */
  public void partition(Collection<? extends Set<Integer>> groups) {
    int[] next = new int[endpoints.size()];
    java.util.Arrays.fill(next, groups.size());
    int group = 0;
    for (Set<Integer> members : groups) {
      for (int node : members) {
        next[node] = group;
      }
      group++;
    }
    groupOf = next;
  }

  /** Ends any partition. */
  public void heal() {
    groupOf = new int[endpoints.size()];
  }

  public boolean canReach(int from, int to) {
    return groupOf[from] == groupOf[to];
  }

  /** Sends {@code message} to one node. */
  public void send(int from, int to, SimMessage message) {
    sent++;
    // Draw both numbers whether or not the message survives, so a partition does not shift the
    // random sequence of the messages that follow it.
    double roll = random.nextDouble();
    long delay = minDelayMillis + random.nextLong(maxDelayMillis - minDelayMillis + 1);
    if (!canReach(from, to) || roll < lossProbability) {
      dropped++;
      return;
    }
    scheduler.after(
        delay,
        () -> {
          if (canReach(from, to)) {
            endpoints.get(to).deliver(from, message);
          } else {
            dropped++;
          }
        });
  }

  /** Sends {@code message} to every other node, in id order. */
  public void broadcast(int from, SimMessage message) {
    for (int to = 0; to < endpoints.size(); to++) {
      if (to != from) {
        send(from, to, message);
      }
    }
  }

  public int size() {
    return endpoints.size();
  }

  public long sentCount() {
    return sent;
  }

  public long droppedCount() {
    return dropped;
  }
}
