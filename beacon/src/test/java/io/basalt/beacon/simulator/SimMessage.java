package io.basalt.beacon.simulator;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.consensus.types.Attestation;
import org.apache.tuweni.bytes.Bytes32;

/**
 * What simulated nodes send each other: gossip and one request/response pair. Messages are
 * immutable values shared between nodes (no encoding: the simulator tests the chain, not the wire).
 */
public sealed interface SimMessage {

  /** A block on the beacon block topic. */
  record BlockGossip(SignedBeaconBlock block) implements SimMessage {}

  /** An attestation on the attestation topic (one member's vote or an aggregate). */
  record AttestationGossip(Attestation attestation) implements SimMessage {}

  /** A voluntary exit on the exit topic. */
  record ExitGossip(SignedVoluntaryExit exit) implements SimMessage {}

  /** Asks a peer for the block with {@code root} (beacon blocks by root, one root). */
  record BlockRequest(Bytes32 root) implements SimMessage {}

  /** A peer's answer to a {@link BlockRequest} it could serve. */
  record BlockResponse(SignedBeaconBlock block) implements SimMessage {}

  /** A message of a {@link SimNodeExtension}, delivered to the receiver's extension. */
  record Extension(Object payload) implements SimMessage {}
}
