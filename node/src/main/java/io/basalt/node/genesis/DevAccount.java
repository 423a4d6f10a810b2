package io.basalt.node.genesis;

import io.basalt.common.types.Address;

/**
 * A development account: its address and secp256k1 private key as 0x-prefixed hex.
 *
 * @param index the last BIP-44 path index ({@code m/44'/60'/0'/0/index})
 */
public record DevAccount(int index, Address address, String privateKey) {

  @Override
  public String toString() {
    // Dev keys are public anyway, but keep the habit of never printing a key by accident.
    return "DevAccount[" + index + ", " + address.toChecksumString() + "]";
  }
}
