package io.basalt.execution.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.TransactionType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Round trips of random receipts and logs, and decoding of random and mutated bytes: the decoder
 * returns a receipt that re-encodes to exactly its input, or throws {@link
 * ReceiptDecodingException}; never another exception.
 */
class ReceiptPropertyTest {

  @Property(tries = 300)
  void receiptsShouldRoundTrip(@ForAll("receipts") Receipt receipt) throws Exception {
    Bytes encoded = receipt.encode();
    Receipt decoded = Receipt.decode(encoded);

    assertThat(decoded).isEqualTo(receipt).hasSameHashCodeAs(receipt);
    assertThat(decoded.bloom()).isEqualTo(receipt.bloom());
    assertThat(decoded.encode()).isEqualTo(encoded);
  }

  @Property(tries = 300)
  void logsShouldRoundTrip(@ForAll("logs") Log log) {
    assertThat(Log.decode(log.encode())).isEqualTo(log);
  }

  @Property(tries = 1000)
  void randomBytesShouldGiveAReceiptOrTheTypedError(@ForAll @Size(max = 400) byte[] input) {
    assertDecodesCanonicallyOrFailsTyped(Bytes.wrap(input));
  }

  @Property(tries = 1000)
  void mutatedReceiptsShouldGiveAReceiptOrTheTypedError(
      @ForAll("receipts") Receipt receipt,
      @ForAll @IntRange(min = 0, max = 10_000) int position,
      @ForAll byte value,
      @ForAll @IntRange(min = 0, max = 2) int mutation) {
    byte[] bytes = receipt.encode().toArray();
    int at = position % bytes.length;
    Bytes mutated =
        switch (mutation) {
          case 0 -> {
            bytes[at] = value;
            yield Bytes.wrap(bytes);
          }
          case 1 -> Bytes.wrap(bytes).slice(0, at);
          default -> Bytes.concatenate(Bytes.wrap(bytes), Bytes.of(value));
        };
    assertDecodesCanonicallyOrFailsTyped(mutated);
  }

  private static void assertDecodesCanonicallyOrFailsTyped(Bytes input) {
    try {
      assertThat(Receipt.decode(input).encode()).isEqualTo(input);
    } catch (ReceiptDecodingException expected) {
      assertThat(expected).hasMessageStartingWith("malformed receipt: ");
    }
  }

  @Provide
  Arbitrary<Receipt> receipts() {
    return Combinators.combine(
            Arbitraries.of(TransactionType.values()),
            Arbitraries.of(true, false),
            Arbitraries.longs().map(UInt64::fromBits),
            logs().list().ofMaxSize(4))
        .as(Receipt::new);
  }

  @Provide
  Arbitrary<Log> logs() {
    Arbitrary<Address> addresses =
        Arbitraries.bytes()
            .array(byte[].class)
            .ofSize(Address.SIZE)
            .map(b -> new Address(Bytes.wrap(b)));
    Arbitrary<Bytes32> topics =
        Arbitraries.bytes().array(byte[].class).ofSize(32).map(Bytes32::wrap);
    Arbitrary<Bytes> data = Arbitraries.bytes().array(byte[].class).ofMaxSize(100).map(Bytes::wrap);
    return Combinators.combine(addresses, topics.list().ofMaxSize(Log.MAX_TOPICS), data)
        .as(Log::new);
  }
}
