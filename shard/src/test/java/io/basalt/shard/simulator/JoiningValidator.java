package io.basalt.shard.simulator;

import io.basalt.beacon.datastructures.operations.DepositData;
import io.basalt.beacon.datastructures.operations.DepositMessage;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.operations.VoluntaryExit;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsSecretKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;

/**
 * A validator that joins after genesis by a shard deposit. No simulated node's validator client
 * holds its key (it stays offline), so it signs its own deposit and its voluntary exit.
 */
final class JoiningValidator {

  private final SpecConfig config;
  private final BlsSecretKey key;
  private final SigningHelpers signing = new SigningHelpers();

  JoiningValidator(SpecConfig config, BlsSecretKey key) {
    this.config = config;
    this.key = key;
  }

  Bytes48 pubkey() {
    return key.publicKey().toBytes();
  }

  /**
   * The deposit's proof of possession: the key's signature over the {@code DepositMessage} signing
   * root with the deposit domain (genesis fork, zero validators root), as the beacon chain and the
   * Staking contract check it.
   */
  Bytes depositSignature(Address withdrawalAddress, Gwei amount) {
    DepositMessage message =
        new DepositMessage(pubkey(), DepositData.withdrawalCredentials(withdrawalAddress), amount);
    Bytes32 domain =
        signing.computeDomain(config.domainDeposit(), config.genesisForkVersion(), Bytes32.ZERO);
    return Bls.sign(key, signing.computeSigningRoot(message.hashTreeRoot(), domain)).toBytes();
  }

  /**
   * A voluntary exit of {@code index} (this validator) at {@code epoch}, signed on {@code state}.
   */
  SignedVoluntaryExit exit(
      BeaconStateAccessors accessors, BeaconState state, ValidatorIndex index, Epoch epoch) {
    VoluntaryExit exit = new VoluntaryExit(epoch, index);
    Bytes32 domain = accessors.getDomain(state, config.domainVoluntaryExit(), epoch);
    Bytes32 root = signing.computeSigningRoot(exit.hashTreeRoot(), domain);
    return new SignedVoluntaryExit(exit, Bls.sign(key, root).toBytes());
  }
}
