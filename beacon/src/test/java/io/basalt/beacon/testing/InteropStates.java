package io.basalt.beacon.testing;

import io.basalt.beacon.datastructures.operations.DepositData;
import io.basalt.beacon.genesis.GenesisBuilder;
import io.basalt.beacon.genesis.InteropDeposits;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.Validator;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.types.Address;
import io.basalt.common.types.Epoch;
import io.basalt.consensus.config.SpecConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;

/**
 * Large interop genesis states built directly, without signing and verifying a deposit per
 * validator ({@code GenesisBuilder.interop} does both: right for a node, too slow for tens of
 * thousands of validators in a benchmark). Same shape as the interop genesis: interop keys, {@code
 * MAX_EFFECTIVE_BALANCE} each, active from epoch 0, mixes {@code 0x42…}.
 */
public final class InteropStates {

  private InteropStates() {}

  public static BeaconState genesis(SpecConfig config, int validatorCount) {
    BeaconSchemas schemas = new BeaconSchemas(config);
    Bytes48[] pubkeys = new Bytes48[validatorCount];
    IntStream.range(0, validatorCount)
        .parallel()
        .forEach(i -> pubkeys[i] = InteropKeys.secretKey(i).publicKey().toBytes());
    List<Validator> validators = new ArrayList<>(validatorCount);
    for (Bytes48 pubkey : pubkeys) {
      Address address = InteropDeposits.withdrawalAddress(pubkey);
      validators.add(
          new Validator(
              pubkey,
              DepositData.withdrawalCredentials(address),
              config.maxEffectiveBalance(),
              false,
              Epoch.ZERO,
              Epoch.ZERO,
              Validator.FAR_FUTURE_EPOCH,
              Validator.FAR_FUTURE_EPOCH));
    }
    return new GenesisBuilder(schemas)
        .stateOf(
            TestStates.GENESIS_TIME,
            Bytes32.repeat((byte) 0x42),
            validators,
            Collections.nCopies(validatorCount, config.maxEffectiveBalance()));
  }
}
