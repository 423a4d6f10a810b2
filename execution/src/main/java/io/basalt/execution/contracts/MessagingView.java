package io.basalt.execution.contracts;

/**
 * Counts of cross-shard messages, as the shard's committed state knows them; the shard module
 * implements it. Shards are numbered from 0; {@link #BEACON} stands for the beacon chain (deposits
 * go to it, withdrawals come from it).
 */
public interface MessagingView {

  int BEACON = -1;

  /** Messages this shard has sent to {@code destination} (a shard or {@link #BEACON}). */
  long outgoingCount(int destination);

  /** Messages from {@code source} (a shard or {@link #BEACON}) this shard has applied. */
  long incomingCount(int source);

  /** A view with no messages, for tests and genesis. */
  MessagingView NONE =
      new MessagingView() {
        @Override
        public long outgoingCount(int destination) {
          return 0;
        }

        @Override
        public long incomingCount(int source) {
          return 0;
        }
      };
}
