package io.basalt.beacon.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class SimNetworkTest {

  private static final SimMessage MESSAGE = new SimMessage.BlockRequest(Bytes32.ZERO);

  private final SimScheduler scheduler = new SimScheduler(0);
  private final SimNetwork network = new SimNetwork(scheduler, new SplittableRandom(1));
  private final List<List<Long>> arrivals = new ArrayList<>();

  private void join(int count) {
    for (int i = 0; i < count; i++) {
      List<Long> times = new ArrayList<>();
      arrivals.add(times);
      network.join((from, message) -> times.add(scheduler.now()));
    }
  }

  @Test
  void shouldDeliverEveryMessageWithinTheDelayRange() {
    join(3);
    network.delay(100, 300);
    for (int i = 0; i < 50; i++) {
      network.broadcast(0, MESSAGE);
    }
    scheduler.runUntil(1000);

    assertThat(arrivals.get(0)).isEmpty();
    assertThat(arrivals.get(1)).hasSize(50).allMatch(t -> t >= 100 && t <= 300);
    assertThat(arrivals.get(2)).hasSize(50);
    assertThat(arrivals.get(1).stream().distinct().count()).isGreaterThan(10);
  }

  @Test
  void shouldLoseAboutTheConfiguredShare() {
    join(2);
    network.loss(0.3);
    for (int i = 0; i < 1000; i++) {
      network.send(0, 1, MESSAGE);
    }
    scheduler.runUntil(1000);

    assertThat(arrivals.get(1).size()).isBetween(620, 780);
    assertThat(network.droppedCount()).isEqualTo(1000 - arrivals.get(1).size());
  }

  @Test
  void shouldDropMessagesBetweenGroupsIncludingThoseInFlightUntilHealed() {
    join(3);
    network.delay(100, 100);
    network.send(0, 2, MESSAGE); // in flight when the partition starts
    network.partition(List.of(Set.of(0, 1)));
    network.send(0, 1, MESSAGE);
    network.send(0, 2, MESSAGE);
    scheduler.runUntil(500);

    assertThat(network.canReach(0, 1)).isTrue();
    assertThat(network.canReach(1, 2)).isFalse();
    assertThat(arrivals.get(1)).hasSize(1);
    assertThat(arrivals.get(2)).isEmpty();

    network.heal();
    network.send(0, 2, MESSAGE);
    scheduler.runUntil(1000);
    assertThat(arrivals.get(2)).containsExactly(600L);
  }
}
