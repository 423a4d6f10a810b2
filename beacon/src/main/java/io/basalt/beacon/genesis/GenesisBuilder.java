package io.basalt.beacon.genesis;

import io.basalt.beacon.datastructures.blocks.BeaconBlockBody;
import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.operations.DepositData;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsException;
import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;

/**
 * Builds the genesis state from a list of deposits, as phase0's {@code
 * initialize_beacon_state_from_eth1} without eth1: each deposit's signature over its {@code
 * DepositMessage} with {@code compute_domain(DOMAIN_DEPOSIT)} (genesis fork version, zero
 * validators root) is its proof of possession; a deposit whose signature or key is invalid is
 * skipped, as phase0 does; a repeated key tops up the earlier validator. Validators with {@code
 * MAX_EFFECTIVE_BALANCE} are active from epoch 0. {@code genesis_validators_root =
 * hash_tree_root(validators)}.
 */
public final class GenesisBuilder {

  private final SpecConfig config;
  private final BeaconSchemas schemas;
  private final SigningHelpers signing = new SigningHelpers();

  public GenesisBuilder(BeaconSchemas schemas) {
    this.schemas = Objects.requireNonNull(schemas, "schemas");
    this.config = schemas.config();
  }

  /**
   * A genesis state of {@code validatorCount} interop validators ({@link
   * io.basalt.common.crypto.bls.InteropKeys}), each with {@code MAX_EFFECTIVE_BALANCE}: for local
   * testnets and the simulator. The RANDAO mixes start as {@code 0x42} repeated, as Ethereum's
   * interop genesis.
   */
  public static BeaconState interop(SpecConfig config, int validatorCount, UInt64 genesisTime) {
    BeaconSchemas schemas = new BeaconSchemas(config);
    List<DepositData> deposits = InteropDeposits.create(config, validatorCount);
    return new GenesisBuilder(schemas).build(genesisTime, Bytes32.repeat((byte) 0x42), deposits);
  }

  /**
   * The genesis state.
   *
   * @param mixSeed the value every RANDAO mix starts with
   * @throws IllegalArgumentException if a deposit's withdrawal credentials are not the address form
   *     {@code 0x01 ‖ 11 zero bytes ‖ address}
   */
  public BeaconState build(UInt64 genesisTime, Bytes32 mixSeed, List<DepositData> deposits) {
    Objects.requireNonNull(genesisTime, "genesisTime");
    Objects.requireNonNull(mixSeed, "mixSeed");
    Bytes32 depositDomain =
        signing.computeDomain(config.domainDeposit(), config.genesisForkVersion(), Bytes32.ZERO);

    List<Validator> validators = new ArrayList<>();
    List<Gwei> balances = new ArrayList<>();
    Map<Bytes48, Integer> byKey = new HashMap<>();
    for (DepositData deposit : deposits) {
      checkCredentials(deposit);
      Integer existing = byKey.get(deposit.pubkey());
      if (existing != null) {
        balances.set(existing, balances.get(existing).plus(deposit.amount()));
        continue;
      }
      if (!hasValidProofOfPossession(deposit, depositDomain)) {
        continue;
      }
      byKey.put(deposit.pubkey(), validators.size());
      validators.add(newValidator(deposit));
      balances.add(deposit.amount());
    }
    for (int i = 0; i < validators.size(); i++) {
      validators.set(i, activatedAtGenesis(validators.get(i), balances.get(i)));
    }

    return stateOf(genesisTime, mixSeed, validators, balances);
  }

  /**
   * The genesis state holding {@code validators} (already processed: balances, effective balances
   * and activation set) with every RANDAO mix equal to {@code mixSeed}; {@link #build} ends here,
   * and a fixture that makes large registries without signing deposits can start here.
   */
  public BeaconState stateOf(
      UInt64 genesisTime, Bytes32 mixSeed, List<Validator> validators, List<Gwei> balances) {
    if (validators.size() != balances.size()) {
      throw new IllegalArgumentException(
          validators.size() + " validators but " + balances.size() + " balances");
    }
    BeaconBlockHeader genesisHeader =
        new BeaconBlockHeader(
            Slot.ZERO,
            ValidatorIndex.ZERO,
            Bytes32.ZERO,
            Bytes32.ZERO,
            schemas
                .beaconBlockBody()
                .hashTreeRoot(BeaconBlockBody.empty(emptySignature(), Bytes32.ZERO)));
    int count = validators.size();
    return schemas
        .emptyBeaconState()
        .updated(
            state -> {
              state
                  .setGenesisTime(genesisTime)
                  .setLatestBlockHeader(genesisHeader)
                  .setRandaoMixes(
                      schemas
                          .randaoMixes()
                          .of(Collections.nCopies(config.epochsPerHistoricalVector(), mixSeed)))
                  .setValidators(schemas.validators().of(validators))
                  .setBalances(schemas.balances().of(balances))
                  .setPreviousEpochParticipation(
                      schemas.participation().of(Collections.nCopies(count, 0)))
                  .setCurrentEpochParticipation(
                      schemas.participation().of(Collections.nCopies(count, 0)))
                  .setInactivityScores(
                      schemas.inactivityScores().of(Collections.nCopies(count, UInt64.ZERO)));
              state.setGenesisValidatorsRoot(state.validators().hashTreeRoot());
            });
  }

  private static Bytes emptySignature() {
    return Bytes.wrap(new byte[96]);
  }

  private static void checkCredentials(DepositData deposit) {
    Bytes32 credentials = deposit.withdrawalCredentials();
    boolean addressForm =
        credentials.get(0) == DepositData.ADDRESS_WITHDRAWAL_PREFIX
            && credentials.slice(1, 11).isZero();
    if (!addressForm) {
      throw new IllegalArgumentException(
          "Deposit for "
              + deposit.pubkey()
              + " has withdrawal credentials "
              + credentials
              + "; only 0x01 ‖ 11 zero bytes ‖ address is allowed");
    }
  }

  private boolean hasValidProofOfPossession(DepositData deposit, Bytes32 domain) {
    try {
      BlsPublicKey key = BlsPublicKey.fromBytes(deposit.pubkey());
      BlsSignature signature = BlsSignature.fromBytes(deposit.signature());
      Bytes32 signingRoot = signing.computeSigningRoot(deposit.message().hashTreeRoot(), domain);
      return Bls.verify(key, signingRoot, signature);
    } catch (BlsException e) {
      return false;
    }
  }

  private static Validator newValidator(DepositData deposit) {
    return new Validator(
        deposit.pubkey(),
        deposit.withdrawalCredentials(),
        Gwei.ZERO,
        false,
        Validator.FAR_FUTURE_EPOCH,
        Validator.FAR_FUTURE_EPOCH,
        Validator.FAR_FUTURE_EPOCH,
        Validator.FAR_FUTURE_EPOCH);
  }

  /** Sets the effective balance and activates at epoch 0 when it is the maximum. */
  private Validator activatedAtGenesis(Validator validator, Gwei balance) {
    UInt64 increment = config.effectiveBalanceIncrement().value();
    UInt64 rounded = balance.value().minus(balance.value().mod(increment));
    Gwei effective = new Gwei(rounded.min(config.maxEffectiveBalance().value()));
    Validator updated = validator.withEffectiveBalance(effective);
    if (effective.equals(config.maxEffectiveBalance())) {
      updated = updated.withActivationEligibilityEpoch(Epoch.ZERO).withActivationEpoch(Epoch.ZERO);
    }
    return updated;
  }
}
