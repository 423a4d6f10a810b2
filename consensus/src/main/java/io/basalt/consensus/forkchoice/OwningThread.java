package io.basalt.consensus.forkchoice;

/**
 * Tells {@link ForkChoice} whether the caller runs on the one thread allowed to use it.
 *
 * <p>Fork choice is single-threaded by contract (as in Lighthouse and Teku, which serialise it
 * behind one lock or executor): every call must come from the same thread. The protocol rules may
 * not touch {@code java.lang.Thread} (they run in deterministic simulations), so the check is
 * injected: the node passes {@code () -> Thread.currentThread() == owner}, a simulation passes
 * {@link #ANY}.
 */
@FunctionalInterface
public interface OwningThread {

  /** For single-threaded simulations and tests that need no check. */
  OwningThread ANY = () -> true;

  /** Whether the calling thread owns fork choice. */
  boolean isCurrent();
}
