package io.basalt.node.p2p;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.networking.identity.PeerId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One range of beacon slots range sync fetches and imports as a unit. Mutable; owned by the
 * range-sync thread.
 */
final class SyncBatch {

  enum State {
    AWAITING_DOWNLOAD,
    DOWNLOADING,
    DOWNLOADED,
    IMPORTING
  }

  final long start;
  final int count;
  State state = State.AWAITING_DOWNLOAD;

  /** The peer asked (while downloading) or that served the blocks (after). */
  PeerId peer;

  List<SignedBeaconBlock> blocks = List.of();

  /** Peers that failed this batch or served it invalid; asked again only when no other is left. */
  final Set<PeerId> failedPeers = new HashSet<>();

  SyncBatch(long start, int count) {
    this.start = start;
    this.count = count;
  }

  long end() {
    return start + count - 1;
  }

  void retry(PeerId failed) {
    failedPeers.add(failed);
    state = State.AWAITING_DOWNLOAD;
    peer = null;
    blocks = List.of();
  }

  @Override
  public String toString() {
    return "batch[" + start + ".." + end() + " " + state + "]";
  }
}
