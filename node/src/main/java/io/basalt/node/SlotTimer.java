package io.basalt.node;

import io.basalt.common.types.Slot;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.networking.identity.PeerId;
import io.basalt.node.chain.NodeChain;
import io.basalt.node.validator.ValidatorClient;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's clock: at each slot start the chains tick and the validator client proposes; at a
 * third of the slot it attests, at two thirds it aggregates (phase0's schedule). Duties run on
 * their own thread so a slow duty never delays the clock; a duty still running when the next is due
 * makes the next wait, not overlap.
 */
final class SlotTimer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SlotTimer.class);

  private final long genesisMillis;
  private final long slotMillis;
  private final NodeChain<PeerId> chain;
  private final Optional<ValidatorClient> validator;
  private final StatusReporter status;
  private final Consumer<String> onDoppelganger;
  private final ScheduledExecutorService clock =
      Executors.newSingleThreadScheduledExecutor(daemon("basalt-slots"));
  private final ExecutorService duties =
      Executors.newSingleThreadExecutor(daemon("basalt-validator"));
  private long nextSlot = -1;

  SlotTimer(
      SpecConfig config,
      long genesisTimeSeconds,
      NodeChain<PeerId> chain,
      Optional<ValidatorClient> validator,
      StatusReporter status,
      Consumer<String> onDoppelganger) {
    this.genesisMillis = genesisTimeSeconds * 1000;
    this.slotMillis = config.secondsPerSlot().longValue() * 1000;
    this.chain = chain;
    this.validator = validator;
    this.status = status;
    this.onDoppelganger = onDoppelganger;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  void start() {
    long now = System.currentTimeMillis();
    if (now < genesisMillis) {
      LOG.info("Waiting for genesis in {} s", (genesisMillis - now + 999) / 1000);
    }
    nextSlot = Math.max(0, Math.floorDiv(now - genesisMillis, slotMillis) + 1);
    scheduleNext();
  }

  private void scheduleNext() {
    long slotStart = genesisMillis + nextSlot * slotMillis;
    long delay = Math.max(0, slotStart - System.currentTimeMillis());
    clock.schedule(this::onSlot, delay, TimeUnit.MILLISECONDS);
  }

  private void onSlot() {
    Slot slot = Slot.of(nextSlot);
    long slotStart = genesisMillis + nextSlot * slotMillis;
    nextSlot++;
    scheduleNext();
    try {
      chain.onSlotStart(slot);
    } catch (RuntimeException e) {
      LOG.error("Slot {} start failed", slot, e);
    }
    validator.ifPresent(
        client -> {
          duties.execute(() -> duty(slot, "proposal", () -> client.onSlotStart(slot)));
          at(
              slotStart + slotMillis / 3,
              () -> duty(slot, "attestation", () -> client.onAttestationDue(slot)));
          at(
              slotStart + 2 * slotMillis / 3,
              () -> duty(slot, "aggregation", () -> client.onAggregationDue(slot)));
        });
    at(slotStart + slotMillis / 2, () -> status.report(slot));
  }

  private void at(long millis, Runnable task) {
    long delay = Math.max(0, millis - System.currentTimeMillis());
    clock.schedule(() -> duties.execute(task), delay, TimeUnit.MILLISECONDS);
  }

  private void duty(Slot slot, String what, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.warn("Validator {} duty at slot {} failed", what, slot, e);
    }
    validator
        .filter(ValidatorClient::isStopped)
        .flatMap(ValidatorClient::stopReason)
        .ifPresent(onDoppelganger);
  }

  @Override
  public void close() {
    clock.shutdownNow();
    duties.shutdown();
    try {
      duties.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
