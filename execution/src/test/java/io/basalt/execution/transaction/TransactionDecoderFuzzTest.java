package io.basalt.execution.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;

/**
 * Whatever bytes arrive, the decoder either returns a transaction that re-encodes to exactly those
 * bytes or throws {@link TransactionDecodingException}; never another exception.
 */
class TransactionDecoderFuzzTest {

  private static final List<Bytes> VALID =
      List.of(
          Web3jTx.transfer().signLegacy(),
          Web3jTx.transfer().sign1559(),
          Web3jTx.transfer()
              .data("0x00ff00ff")
              .accessList(
                  List.of(
                      new org.web3j.crypto.AccessListObject(
                          Web3jTx.ADDRESS_0,
                          List.of(
                              "0x00000000000000000000000000000000000000000000000000000000000000aa"))))
              .sign1559());

  @Property(tries = 2000)
  void randomBytesGiveATransactionOrTheTypedError(@ForAll @Size(max = 300) byte[] input) {
    assertDecodesOrFailsTyped(Bytes.wrap(input));
  }

  @Property(tries = 500)
  void randomBytesAfterATypeByteGiveATransactionOrTheTypedError(
      @ForAll("typeBytes") int type, @ForAll @Size(max = 200) byte[] rest) {
    assertDecodesOrFailsTyped(Bytes.concatenate(Bytes.of(type), Bytes.wrap(rest)));
  }

  @Property(tries = 1000)
  void truncatedTransactionsFailTyped(
      @ForAll @IntRange(min = 0, max = 2) int which, @ForAll @IntRange(min = 1) int cut) {
    Bytes valid = VALID.get(which);
    Bytes truncated = valid.slice(0, cut % valid.size());

    assertDecodesOrFailsTyped(truncated);
  }

  @Property(tries = 2000)
  void corruptedTransactionsGiveATransactionOrTheTypedError(
      @ForAll @IntRange(min = 0, max = 2) int which,
      @ForAll @IntRange(min = 0) int position,
      @ForAll byte replacement) {
    byte[] bytes = VALID.get(which).toArray();
    bytes[position % bytes.length] = replacement;

    assertDecodesOrFailsTyped(Bytes.wrap(bytes));
  }

  @Provide
  Arbitrary<Integer> typeBytes() {
    return Arbitraries.of(0x01, 0x02, 0x03, 0x04);
  }

  private static void assertDecodesOrFailsTyped(Bytes input) {
    try {
      Transaction tx = TransactionDecoder.decode(input);
      assertThat(tx.encode()).isEqualTo(input);
      // What decodes must also be safe to validate and recover.
      SenderRecovery.recover(tx);
      TransactionValidator.validateStateless(tx, Web3jTx.CHAIN_ID, tx.gasLimit());
    } catch (TransactionDecodingException expected) {
      assertThat(expected.getMessage()).isNotBlank();
    }
  }
}
