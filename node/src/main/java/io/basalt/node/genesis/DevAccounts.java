package io.basalt.node.genesis;

import io.basalt.common.types.Address;
import io.basalt.node.validator.keys.Mnemonics;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * Accounts derived from a mnemonic along the Ethereum BIP-44 path, the way anvil and Hardhat derive
 * the development accounts they print.
 */
public final class DevAccounts {

  /** The standard development mnemonic; its keys are public and must never hold real value. */
  public static final String DEV_MNEMONIC =
      "test test test test test test test test test test test junk";

  private static final int HARDENED = Bip32ECKeyPair.HARDENED_BIT;

  private DevAccounts() {}

  /**
   * m/44'/60'/0'/0/i for i < count: address + secp256k1 private key (hex).
   *
   * @throws IllegalArgumentException if the mnemonic is not valid BIP-39 or count is negative
   */
  public static List<DevAccount> derive(String mnemonic, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("Account count must not be negative: " + count);
    }
    Bytes seed = Mnemonics.seed(mnemonic);
    Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(seed.toArrayUnsafe());
    Bip32ECKeyPair account =
        Bip32ECKeyPair.deriveKeyPair(master, new int[] {44 | HARDENED, 60 | HARDENED, HARDENED, 0});
    List<DevAccount> accounts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Bip32ECKeyPair child = Bip32ECKeyPair.deriveKeyPair(account, new int[] {i});
      Bytes32 privateKey =
          Bytes32.leftPad(Bytes.wrap(child.getPrivateKey().toByteArray()).trimLeadingZeros());
      Address address = Address.fromHexString(Keys.getAddress(child.getPublicKey()));
      accounts.add(new DevAccount(i, address, privateKey.toHexString()));
    }
    return accounts;
  }
}
