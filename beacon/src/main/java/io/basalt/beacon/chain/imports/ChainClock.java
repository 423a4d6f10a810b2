package io.basalt.beacon.chain.imports;

/**
 * Wall-clock time for the import pipeline, injected so that tests and simulations control it. The
 * node passes {@code System::currentTimeMillis}.
 */
@FunctionalInterface
public interface ChainClock {

  /** Milliseconds since the Unix epoch. */
  long currentTimeMillis();
}
