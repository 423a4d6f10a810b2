package io.basalt.beacon.simulator;

import java.util.PriorityQueue;

/**
 * A discrete-event scheduler over a simulated millisecond clock. Events run in {@code (time,
 * sequence)} order, the sequence being the order they were scheduled in, so two runs that schedule
 * the same events run them in the same order. Single-threaded: everything runs on the thread that
 * calls {@link #runUntil}.
 */
public final class SimScheduler {

  private record Event(long time, long sequence, Runnable action) {}

  private final PriorityQueue<Event> queue =
      new PriorityQueue<>(
          (a, b) ->
              a.time != b.time
                  ? Long.compare(a.time, b.time)
                  : Long.compare(a.sequence, b.sequence));
  private long now;
  private long sequence;
  private long executed;

  /**
   * @param startMillis the clock's initial value, in Unix milliseconds
   */
  public SimScheduler(long startMillis) {
    this.now = startMillis;
  }

  /** The simulated time in Unix milliseconds. */
  public long now() {
    return now;
  }

  /** Runs {@code action} at {@code timeMillis}, which may not be in the past. */
  public void at(long timeMillis, Runnable action) {
    if (timeMillis < now) {
      throw new IllegalArgumentException("Event at " + timeMillis + " is before now " + now);
    }
    queue.add(new Event(timeMillis, sequence++, action));
  }

  /** Runs {@code action} {@code delayMillis} from now. */
  public void after(long delayMillis, Runnable action) {
    at(now + delayMillis, action);
  }

  /** Runs every event up to and including {@code timeMillis}, then sets the clock to it. */
  public void runUntil(long timeMillis) {
    while (!queue.isEmpty() && queue.peek().time <= timeMillis) {
      Event event = queue.poll();
      now = event.time;
      executed++;
      event.action.run();
    }
    now = Math.max(now, timeMillis);
  }

  /** Events run so far. */
  public long executedCount() {
    return executed;
  }
}
