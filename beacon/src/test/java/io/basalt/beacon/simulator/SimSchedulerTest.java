package io.basalt.beacon.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimSchedulerTest {

  @Test
  void shouldRunEventsByTimeThenBySchedulingOrder() {
    SimScheduler scheduler = new SimScheduler(1000);
    List<String> ran = new ArrayList<>();
    scheduler.at(1200, () -> ran.add("b@1200"));
    scheduler.at(1100, () -> ran.add("a@1100"));
    scheduler.at(1200, () -> ran.add("c@1200"));
    scheduler.at(1100, () -> scheduler.after(0, () -> ran.add("d@1100, scheduled while running")));

    scheduler.runUntil(1150);
    assertThat(ran).containsExactly("a@1100", "d@1100, scheduled while running");
    assertThat(scheduler.now()).isEqualTo(1150);

    scheduler.runUntil(1200);
    assertThat(ran).endsWith("b@1200", "c@1200");
    assertThat(scheduler.executedCount()).isEqualTo(5);
  }

  @Test
  void shouldRefuseEventsInThePast() {
    SimScheduler scheduler = new SimScheduler(1000);
    scheduler.runUntil(2000);

    assertThatThrownBy(() -> scheduler.at(1999, () -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
