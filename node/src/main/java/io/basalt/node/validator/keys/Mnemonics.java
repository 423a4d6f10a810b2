package io.basalt.node.validator.keys;

import org.apache.tuweni.bytes.Bytes;
import org.web3j.crypto.MnemonicUtils;

/** BIP-39 mnemonics: validation and the seed (through web3j's implementation). */
public final class Mnemonics {

  private Mnemonics() {}

  /**
   * The BIP-39 seed of {@code mnemonic} with {@code passphrase}.
   *
   * @throws IllegalArgumentException if the words are not a valid BIP-39 English mnemonic
   */
  public static Bytes seed(String mnemonic, String passphrase) {
    String normalized = normalize(mnemonic);
    if (!MnemonicUtils.validateMnemonic(normalized)) {
      throw new IllegalArgumentException(
          "not a valid BIP-39 mnemonic (unknown word, wrong word count or bad checksum)");
    }
    return Bytes.wrap(MnemonicUtils.generateSeed(normalized, passphrase));
  }

  /** The seed with the empty passphrase, as validator deposit tools use. */
  public static Bytes seed(String mnemonic) {
    return seed(mnemonic, "");
  }

  /** Words separated by single spaces, surrounding whitespace removed. */
  public static String normalize(String mnemonic) {
    return String.join(" ", mnemonic.strip().split("\\s+"));
  }
}
