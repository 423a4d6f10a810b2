package io.basalt.beacon.testing;

import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.transition.BlockProcessingException;
import io.basalt.beacon.transition.EpochTransition;
import io.basalt.beacon.transition.StateTransition;
import io.basalt.common.crypto.bls.BlsBatchVerifier;
import io.basalt.common.crypto.bls.BlsSignatureVerifier;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Attestation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A single-branch beacon chain of interop validators for tests and the simulator: it produces valid
 * signed blocks (each carrying full attestations of the previous slot's committees), imports them
 * through {@link StateTransition#stateTransition} with a batch verifier, and keeps the head state.
 * Not thread-safe.
 */
public final class TestChain {

  private final SpecConfig config;
  private final BeaconSchemas schemas;
  private final BeaconStateAccessors accessors;
  private final StateTransition transition;
  private final InteropSigner signer = new InteropSigner();
  private final BlockBuilder blocks;
  private final Operations operations;
  private final BlsSignatureVerifier verifier = new BlsBatchVerifier();
  private BeaconState head;

  /** A chain from {@code genesis} (interop keys) with {@code epochTransition} at epoch ends. */
  public TestChain(BeaconState genesis, EpochTransition epochTransition) {
    this.schemas = genesis.schemas();
    this.config = schemas.config();
    this.accessors = new BeaconStateAccessors(config);
    this.transition = new StateTransition(config, schemas, accessors, epochTransition);
    this.blocks = new BlockBuilder(schemas, accessors, transition, signer);
    this.operations = new Operations(config, accessors, signer);
    this.head = genesis;
  }

  /** A chain without epoch processing. */
  public TestChain(BeaconState genesis) {
    this(genesis, EpochTransition.NONE);
  }

  public BeaconState head() {
    return head;
  }

  public StateTransition transition() {
    return transition;
  }

  public BeaconStateAccessors accessors() {
    return accessors;
  }

  public BlockBuilder blocks() {
    return blocks;
  }

  public Operations operations() {
    return operations;
  }

  public InteropSigner signer() {
    return signer;
  }

  public BeaconSchemas schemas() {
    return schemas;
  }

  /** The head state advanced (without a block) to {@code slot}. */
  public BeaconState stateAt(Slot slot) {
    return slot.equals(head.slot()) ? head : transition.processSlots(head, slot);
  }

  /**
   * Full attestations of every committee at {@code slot}, voting for the head as seen from the next
   * slot ({@code slot} must be at or before the head's slot).
   */
  public List<Attestation> fullAttestations(Slot slot) {
    BeaconState view = transition.processSlots(head, head.slot().increment());
    List<Attestation> attestations = new ArrayList<>();
    for (int shard = 0; shard < config.shardCount(); shard++) {
      attestations.add(
          operations.fullAttestation(
              view, operations.attestationData(view, slot, ShardId.of(shard), Bytes32.ZERO)));
    }
    return attestations;
  }

  /** A valid block at {@code slot} on the head, with the operations {@code ops} adds. */
  public SignedBeaconBlock produce(Slot slot, Consumer<BlockBuilder.Body> ops) {
    BlockBuilder.Body body = new BlockBuilder.Body();
    ops.accept(body);
    return blocks.build(head, slot, body);
  }

  /**
   * A signed block at {@code slot} on the head whose state root is left zero, for blocks meant to
   * fail during processing (the builder cannot compute the post-state of an invalid block).
   */
  public SignedBeaconBlock produceUnchecked(Slot slot, Consumer<BlockBuilder.Body> ops) {
    BlockBuilder.Body body = new BlockBuilder.Body();
    ops.accept(body);
    BeaconState preState = transition.processSlots(head, slot);
    return blocks.sign(preState, blocks.unsigned(preState, body));
  }

  /** Replaces the head, for tests that prepare a state (queued deposits, a later epoch). */
  public void setHead(BeaconState state) {
    head = state;
  }

  /** Imports {@code block} on the head; the head moves on only if it is valid. */
  public BeaconState importBlock(SignedBeaconBlock block) throws BlockProcessingException {
    head = transition.stateTransition(head, block, verifier, true);
    return head;
  }

  /**
   * Produces and imports the block of the next slot carrying full attestations of the head's slot.
   */
  public SignedBeaconBlock advance() throws BlockProcessingException {
    Slot slot = head.slot().increment();
    List<Attestation> attestations = fullAttestations(head.slot());
    SignedBeaconBlock block = produce(slot, body -> body.attestations.addAll(attestations));
    importBlock(block);
    return block;
  }
}
