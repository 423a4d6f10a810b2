package io.basalt.settlement.trust;

import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.Fork;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The validator registry a client trusts, taken from the genesis state or a finalized checkpoint
 * state it already accepted: the {@code epoch} of that state, what the attester signing domain
 * needs ({@code genesisValidatorsRoot}, {@code fork}), and per validator its key, effective balance
 * and activity epochs.
 *
 * <p><b>Staleness.</b> Stake moves: validators join, exit and change balance, so a set only speaks
 * for epochs close to its own. {@link io.basalt.settlement.verify.SettlementVerifier} accepts a
 * checkpoint of epoch E only when {@code epoch <= E <= epoch + maxEpochsAhead}. A set newer than
 * the checkpoint is refused: its effective balances and exits are later than the votes, so it may
 * miscount them, and a client that trusts a newer finalized state needs no proof for older ones.
 *
 * <p>Thread-safe; public keys are decoded (and subgroup-checked) once, on first use.
 */
public final class TrustedValidatorSet {

  private final Epoch epoch;
  private final Bytes32 genesisValidatorsRoot;
  private final Fork fork;
  private final List<TrustedValidator> validators;
  private final AtomicReferenceArray<BlsPublicKey> keys;

  public TrustedValidatorSet(
      Epoch epoch, Bytes32 genesisValidatorsRoot, Fork fork, List<TrustedValidator> validators) {
    this.epoch = Objects.requireNonNull(epoch, "epoch");
    this.genesisValidatorsRoot =
        Objects.requireNonNull(genesisValidatorsRoot, "genesisValidatorsRoot");
    this.fork = Objects.requireNonNull(fork, "fork");
    this.validators = List.copyOf(validators);
    this.keys = new AtomicReferenceArray<>(this.validators.size());
  }

  /** The set of {@code state} (a genesis state or a finalized checkpoint state), at its epoch. */
  public static TrustedValidatorSet fromState(BeaconState state) {
    Epoch epoch = new BeaconStateAccessors(state.schemas().config()).getCurrentEpoch(state);
    List<TrustedValidator> list =
        state.validators().toList().stream()
            .map(
                (Validator v) ->
                    new TrustedValidator(
                        v.pubkey(), v.effectiveBalance(), v.activationEpoch(), v.exitEpoch()))
            .toList();
    return new TrustedValidatorSet(epoch, state.genesisValidatorsRoot(), state.fork(), list);
  }

  /** The set decoded from the SSZ of a beacon state ({@code schemas.beaconState()}). */
  public static TrustedValidatorSet fromSsz(BeaconSchemas schemas, Bytes ssz) {
    return fromState(schemas.beaconState().deserialize(ssz));
  }

  public Epoch epoch() {
    return epoch;
  }

  public Bytes32 genesisValidatorsRoot() {
    return genesisValidatorsRoot;
  }

  public Fork fork() {
    return fork;
  }

  public List<TrustedValidator> validators() {
    return validators;
  }

  public int size() {
    return validators.size();
  }

  /** The entry of {@code index}; empty for an index the set does not know. */
  public Optional<TrustedValidator> get(ValidatorIndex index) {
    long i = index.value().bits();
    return i >= 0 && i < validators.size()
        ? Optional.of(validators.get((int) i))
        : Optional.empty();
  }

  /**
   * The decoded key of {@code index} (which the caller checked is known).
   *
   * @throws io.basalt.common.crypto.bls.BlsException if the stored key is invalid (the verifier
   *     turns this into a rejection)
   */
  public BlsPublicKey publicKey(ValidatorIndex index) {
    int i = index.value().intValue();
    BlsPublicKey key = keys.get(i);
    if (key == null) {
      key = BlsPublicKey.fromBytes(validators.get(i).pubkey());
      keys.set(i, key);
    }
    return key;
  }

  /** The summed effective balance (Gwei) of the validators active at {@code at}. */
  // spec: get_total_active_balance (without the EFFECTIVE_BALANCE_INCREMENT floor)
  public long totalActiveBalance(Epoch at) {
    long total = 0;
    for (TrustedValidator v : validators) {
      if (v.isActiveAt(at)) {
        total = Math.addExact(total, v.effectiveBalance().value().longValue());
      }
    }
    return total;
  }
}
