package io.basalt.beacon.genesis;

import io.basalt.beacon.datastructures.operations.DepositData;
import io.basalt.beacon.datastructures.operations.DepositMessage;
import io.basalt.common.crypto.Hash;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsSecretKey;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.types.Address;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;

/**
 * Signed deposits of the interop validators: key {@code i} from {@link InteropKeys}, {@code
 * MAX_EFFECTIVE_BALANCE}, withdrawal address the last 20 bytes of {@code sha256(pubkey)}. Insecure
 * by design (the keys are public); for local networks and tests only.
 */
public final class InteropDeposits {

  private InteropDeposits() {}

  /** The deposits of validators {@code 0 .. count-1}. */
  public static List<DepositData> create(SpecConfig config, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("Validator count must not be negative: " + count);
    }
    SigningHelpers signing = new SigningHelpers();
    Bytes32 domain =
        signing.computeDomain(config.domainDeposit(), config.genesisForkVersion(), Bytes32.ZERO);
    List<DepositData> deposits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      BlsSecretKey key = InteropKeys.secretKey(i);
      Bytes48 pubkey = key.publicKey().toBytes();
      Address address = withdrawalAddress(pubkey);
      DepositMessage message =
          new DepositMessage(
              pubkey, DepositData.withdrawalCredentials(address), config.maxEffectiveBalance());
      Bytes32 signingRoot = signing.computeSigningRoot(message.hashTreeRoot(), domain);
      deposits.add(
          new DepositData(
              pubkey,
              message.withdrawalCredentials(),
              message.amount(),
              Bls.sign(key, signingRoot).toBytes()));
    }
    return deposits;
  }

  /** The interop withdrawal address of a key: {@code sha256(pubkey)[12:32]}. */
  public static Address withdrawalAddress(Bytes48 pubkey) {
    return new Address(Hash.sha256(pubkey).slice(12, Address.SIZE));
  }
}
