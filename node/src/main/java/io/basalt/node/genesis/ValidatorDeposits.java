package io.basalt.node.genesis;

import io.basalt.beacon.datastructures.operations.DepositData;
import io.basalt.beacon.datastructures.operations.DepositMessage;
import io.basalt.beacon.genesis.InteropDeposits;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.types.Address;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.node.validator.keys.ValidatorKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Genesis deposits for validator keys: {@code MAX_EFFECTIVE_BALANCE} each, signed by the key over
 * its {@code DepositMessage} with the genesis deposit domain (the proof of possession the {@code
 * GenesisBuilder} checks). The withdrawal address is derived from the key as for interop validators
 * ({@code sha256(pubkey)[12:32]}): a dev network has no real withdrawal addresses.
 */
final class ValidatorDeposits {

  private ValidatorDeposits() {}

  static List<DepositData> create(SpecConfig config, List<ValidatorKey> keys) {
    SigningHelpers signing = new SigningHelpers();
    Bytes32 domain =
        signing.computeDomain(config.domainDeposit(), config.genesisForkVersion(), Bytes32.ZERO);
    List<DepositData> deposits = new ArrayList<>(keys.size());
    for (ValidatorKey key : keys) {
      BlsPublicKey publicKey = key.publicKey();
      Address withdrawal = InteropDeposits.withdrawalAddress(publicKey.toBytes());
      DepositMessage message =
          new DepositMessage(
              publicKey.toBytes(),
              DepositData.withdrawalCredentials(withdrawal),
              config.maxEffectiveBalance());
      Bytes32 signingRoot = signing.computeSigningRoot(message.hashTreeRoot(), domain);
      deposits.add(
          new DepositData(
              message.pubkey(),
              message.withdrawalCredentials(),
              message.amount(),
              Bls.sign(key.secretKey(), signingRoot).toBytes()));
    }
    return deposits;
  }
}
