package io.basalt.beacon.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.beacon.datastructures.operations.DepositData;
import io.basalt.beacon.datastructures.operations.DepositMessage;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsSecretKey;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.consensus.signing.SigningHelpers;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;
import org.junit.jupiter.api.Test;

class GenesisBuilderTest {

  private final BeaconState genesis = TestStates.genesis64();
  private final BeaconSchemas schemas = genesis.schemas();

  @Test
  void interopGenesisShouldActivateEveryValidatorAtEpochZeroWithMaxBalance() {
    assertThat(genesis.validators().size()).isEqualTo(64);
    Gwei max = TestStates.LOCAL.maxEffectiveBalance();
    for (Validator validator : genesis.validators().toList()) {
      assertThat(validator.activationEpoch()).isEqualTo(Epoch.ZERO);
      assertThat(validator.activationEligibilityEpoch()).isEqualTo(Epoch.ZERO);
      assertThat(validator.exitEpoch()).isEqualTo(Validator.FAR_FUTURE_EPOCH);
      assertThat(validator.effectiveBalance()).isEqualTo(max);
    }
    assertThat(genesis.balances().toList()).containsOnly(max);
    assertThat(genesis.previousEpochParticipation().size()).isEqualTo(64);
    assertThat(genesis.inactivityScores().size()).isEqualTo(64);
    assertThat(genesis.genesisTime()).isEqualTo(TestStates.GENESIS_TIME);
  }

  @Test
  void genesisValidatorsRootShouldBeTheRootOfTheRegistry() {
    Bytes32 plainRoot =
        SszTypes.list(Validator.SSZ, BeaconSchemas.VALIDATOR_REGISTRY_LIMIT)
            .hashTreeRoot(genesis.validators().toList());
    assertThat(genesis.genesisValidatorsRoot()).isEqualTo(plainRoot);
  }

  @Test
  void genesisValidatorsRootShouldStayPinned() {
    // Regression pin: changes if the Validator layout, interop keys, withdrawal address derivation
    // or deposit amounts change, which would change every signing domain of local networks.
    assertThat(genesis.genesisValidatorsRoot())
        .isEqualTo(
            Bytes32.fromHexString(
                "0x456b6b12c69f32eb11b6094c04ad361d0878628fec5bbf9a200a43b8eca7013e"));
  }

  @Test
  void genesisShouldBeDeterministic() {
    BeaconState again = GenesisBuilder.interop(TestStates.LOCAL, 64, TestStates.GENESIS_TIME);
    assertThat(again.hashTreeRoot()).isEqualTo(genesis.hashTreeRoot());
    assertThat(again.genesisValidatorsRoot()).isEqualTo(genesis.genesisValidatorsRoot());
  }

  @Test
  void depositWithBadProofOfPossessionShouldBeSkipped() {
    List<DepositData> deposits = new ArrayList<>(InteropDeposits.create(TestStates.LOCAL, 3));
    DepositData good = deposits.get(1);
    DepositData forged =
        new DepositData(
            good.pubkey(),
            good.withdrawalCredentials(),
            good.amount(),
            deposits.get(0).signature());
    deposits.set(1, forged);
    BeaconState state =
        new GenesisBuilder(schemas).build(TestStates.GENESIS_TIME, Bytes32.ZERO, deposits);
    assertThat(state.validators().size()).isEqualTo(2);
    assertThat(state.validators().get(1).pubkey()).isEqualTo(deposits.get(2).pubkey());
  }

  @Test
  void repeatedKeyShouldTopUpTheEarlierValidator() {
    DepositData full = InteropDeposits.create(TestStates.LOCAL, 1).get(0);
    List<DepositData> deposits = List.of(full, full);
    BeaconState state =
        new GenesisBuilder(schemas).build(TestStates.GENESIS_TIME, Bytes32.ZERO, deposits);
    assertThat(state.validators().size()).isEqualTo(1);
    assertThat(state.balances().get(0)).isEqualTo(full.amount().times(2));
    assertThat(state.validators().get(0).effectiveBalance())
        .isEqualTo(TestStates.LOCAL.maxEffectiveBalance());
  }

  @Test
  void nonAddressWithdrawalCredentialsShouldBeRejected() {
    DepositData good = InteropDeposits.create(TestStates.LOCAL, 1).get(0);
    DepositData blsCredentials =
        new DepositData(
            good.pubkey(),
            Bytes32.wrap(Bytes.concatenate(Bytes.of(0), good.withdrawalCredentials().slice(1))),
            good.amount(),
            good.signature());
    GenesisBuilder builder = new GenesisBuilder(schemas);
    assertThatThrownBy(
            () -> builder.build(TestStates.GENESIS_TIME, Bytes32.ZERO, List.of(blsCredentials)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("withdrawal credentials");
  }

  @Test
  void interopWithdrawalAddressShouldBeInTheCredentials() {
    Validator first = genesis.validators().get(0);
    assertThat(first.withdrawalAddress())
        .isEqualTo(InteropDeposits.withdrawalAddress(first.pubkey()));
  }

  @Test
  void partialDepositShouldCreateAnInactiveValidator() {
    BlsSecretKey key = InteropKeys.secretKey(500);
    Bytes48 pubkey = key.publicKey().toBytes();
    Bytes32 credentials =
        DepositData.withdrawalCredentials(InteropDeposits.withdrawalAddress(pubkey));
    Gwei amount = Gwei.of(17_500_000_000L);
    SigningHelpers signing = new SigningHelpers();
    Bytes32 domain =
        signing.computeDomain(
            TestStates.LOCAL.domainDeposit(), TestStates.LOCAL.genesisForkVersion(), Bytes32.ZERO);
    Bytes32 root =
        signing.computeSigningRoot(
            new DepositMessage(pubkey, credentials, amount).hashTreeRoot(), domain);
    DepositData deposit =
        new DepositData(pubkey, credentials, amount, Bls.sign(key, root).toBytes());
    BeaconState state =
        new GenesisBuilder(schemas).build(TestStates.GENESIS_TIME, Bytes32.ZERO, List.of(deposit));
    Validator validator = state.validators().get(0);
    assertThat(validator.effectiveBalance()).isEqualTo(Gwei.of(17_000_000_000L));
    assertThat(validator.activationEpoch()).isEqualTo(Validator.FAR_FUTURE_EPOCH);
    assertThat(state.balances().get(0)).isEqualTo(amount);
  }
}
