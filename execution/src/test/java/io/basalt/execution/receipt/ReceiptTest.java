package io.basalt.execution.receipt;

import static io.basalt.execution.receipt.LogsBloomTest.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.UInt64;
import io.basalt.execution.rlp.Rlp;
import io.basalt.execution.rlp.RlpWriter;
import io.basalt.execution.transaction.TransactionType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/**
 * Receipt encodings against go-ethereum's {@code core/types/receipt_test.go} ({@code
 * TestReceiptMarshalBinary} / {@code TestReceiptUnmarshalBinary}: a failed receipt with two logs,
 * legacy and type 2), and strict decoding.
 */
class ReceiptTest {

  /** geth's {@code legacyReceipt}: status failed, cumulative gas 1, two logs. */
  static final Bytes GETH_LEGACY =
      Bytes.fromHexString(
          "f901c58001b901000000000000001000000000000000000000000000000000000000000000000000"
              + "00000000000000000000000000000000000000000000000000000000000000000000005000000000"
              + "00000000000000000000000000014000000000000000000000000000000000000000000000000000"
              + "00000000000000000000000001000008000000000000000000000400000000000000000000000000"
              + "00400000000000000000000000000008000000000000000000000000000000000000000000000000"
              + "00000400000000000000000000000000000000000000000000000000000000000010000000000000"
              + "000000000000000000000000000000000000000000000000f8bef85d940000000000000000000000"
              + "000000000000000011f842a000000000000000000000000000000000000000000000000000000000"
              + "0000deada0000000000000000000000000000000000000000000000000000000000000beef830100"
              + "fff85d940000000000000000000000000000000000000111f842a000000000000000000000000000"
              + "0000000000000000000000000000000000deada00000000000000000000000000000000000000000"
              + "00000000000000000000beef830100ff");

  private static final Bytes32 DEAD = Bytes32.fromHexStringLenient("0xdead");
  private static final Bytes32 BEEF = Bytes32.fromHexStringLenient("0xbeef");

  static Receipt gethReceipt(TransactionType type) {
    Bytes data = Bytes.fromHexString("0x0100ff");
    return new Receipt(
        type,
        false,
        UInt64.ONE,
        List.of(
            new Log(address("0x11"), List.of(DEAD, BEEF), data),
            new Log(address("0x0111"), List.of(DEAD, BEEF), data)));
  }

  @Test
  void legacyReceiptShouldEncodeAsGethDoes() throws Exception {
    assertThat(gethReceipt(TransactionType.LEGACY).encode()).isEqualTo(GETH_LEGACY);
    assertThat(Receipt.decode(GETH_LEGACY)).isEqualTo(gethReceipt(TransactionType.LEGACY));
  }

  @Test
  void typeTwoReceiptShouldBeTheTypeByteFollowedByTheLegacyList() throws Exception {
    Bytes geth1559 = Bytes.concatenate(Bytes.of(0x02), GETH_LEGACY);

    assertThat(gethReceipt(TransactionType.EIP1559).encode()).isEqualTo(geth1559);
    Receipt decoded = Receipt.decode(geth1559);
    assertThat(decoded).isEqualTo(gethReceipt(TransactionType.EIP1559));
    assertThat(decoded.type()).isEqualTo(TransactionType.EIP1559);
    assertThat(decoded.success()).isFalse();
    assertThat(decoded.cumulativeGasUsed()).isEqualTo(UInt64.ONE);
    assertThat(decoded.logs()).hasSize(2);
  }

  @Test
  void successShouldBeEncodedAsOneAndFailureAsTheEmptyString() {
    Receipt ok = new Receipt(TransactionType.LEGACY, true, UInt64.valueOf(21_000), List.of());
    Receipt failed = new Receipt(TransactionType.LEGACY, false, UInt64.valueOf(21_000), List.of());

    Bytes bloom = Rlp.encode(LogsBloom.EMPTY.toBytes());
    assertThat(ok.encode())
        .isEqualTo(Rlp.encodeList(Bytes.of(0x01), Rlp.encodeScalar(21_000), bloom, Rlp.EMPTY_LIST));
    assertThat(failed.encode())
        .isEqualTo(
            Rlp.encodeList(Rlp.EMPTY_STRING, Rlp.encodeScalar(21_000), bloom, Rlp.EMPTY_LIST));
  }

  @Test
  void bloomShouldBeThatOfTheLogs() {
    Receipt receipt = gethReceipt(TransactionType.LEGACY);

    assertThat(receipt.bloom()).isEqualTo(LogsBloom.of(receipt.logs()));
    assertThat(receipt.bloom().mightContain(address("0x0111").bytes())).isTrue();
    assertThat(receipt.bloom().mightContain(DEAD)).isTrue();
  }

  @Test
  void receiptShouldNotShareTheCallersLogList() {
    List<Log> logs = new ArrayList<>();
    logs.add(new Log(address("0x11"), List.of(), Bytes.EMPTY));
    Receipt receipt = new Receipt(TransactionType.LEGACY, true, UInt64.ONE, logs);
    logs.add(new Log(address("0x22"), List.of(), Bytes.EMPTY));

    assertThat(receipt.logs()).hasSize(1);
    assertThatThrownBy(() -> receipt.logs().add(logs.get(1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void unsupportedTypesShouldBeRefusedByName() {
    assertRefused(Bytes.concatenate(Bytes.of(0x01), GETH_LEGACY), "receipt type 0x01");
    assertRefused(Bytes.concatenate(Bytes.of(0x03), GETH_LEGACY), "receipt type 0x03");
    assertRefused(Bytes.concatenate(Bytes.of(0x7f), GETH_LEGACY), "receipt type 0x7f");
  }

  @Test
  void malformedEnvelopesShouldBeRefused() {
    assertRefused(Bytes.EMPTY, "empty input");
    assertRefused(Bytes.of(0x80), "neither a type byte nor an RLP list");
    assertRefused(Bytes.of(0x02), "input ends");
    assertRefused(Bytes.concatenate(GETH_LEGACY, Bytes.of(0x00)), "after the last expected item");
    assertRefused(GETH_LEGACY.slice(0, GETH_LEGACY.size() - 1), "claims");
    assertRefused(Bytes.concatenate(Bytes.of(0x02, 0x02), GETH_LEGACY), "expected an RLP list");
  }

  @Test
  void badStatusesShouldBeRefused() {
    assertRefused(receiptWith(w -> w.writeBytes(Bytes.of(0x02))), "status must be 0x01 or empty");
    assertRefused(receiptWith(w -> w.writeBytes(Bytes.of(0x00))), "status must be 0x01 or empty");
    assertRefused(receiptWith(w -> w.writeBytes(Bytes.of(0x00, 0x01))), "status must be 0x01");
    assertRefused(receiptWith(w -> w.writeBytes(Bytes32.ZERO)), "post-state root");
    assertRefused(receiptWith(w -> w.writeList(l -> {})), "expected an RLP string");
  }

  @Test
  void badFieldsShouldBeRefused() {
    Bytes bloom = LogsBloom.EMPTY.toBytes();
    assertRefused(
        RlpWriter.list(w -> w.writeBytes(Bytes.of(1)).writeScalar(1).writeBytes(bloom)),
        "input ends");
    assertRefused(
        RlpWriter.list(
            w ->
                w.writeBytes(Bytes.of(1))
                    .writeScalar(1)
                    .writeBytes(bloom)
                    .writeList(l -> {})
                    .writeBytes(Bytes.EMPTY)),
        "4 fields, found more");
    assertRefused(
        RlpWriter.list(
            w ->
                w.writeBytes(Bytes.of(1))
                    .writeBytes(Bytes.of(0, 1))
                    .writeBytes(bloom)
                    .writeList(l -> {})),
        "cumulativeGasUsed is a non-canonical integer");
    assertRefused(
        RlpWriter.list(
            w ->
                w.writeBytes(Bytes.of(1))
                    .writeBytes(Bytes.fromHexString("0x010000000000000000"))
                    .writeBytes(bloom)
                    .writeList(l -> {})),
        "cumulativeGasUsed is 9 bytes");
    assertRefused(
        RlpWriter.list(
            w ->
                w.writeBytes(Bytes.of(1))
                    .writeScalar(1)
                    .writeBytes(bloom.slice(1))
                    .writeList(l -> {})),
        "logs bloom is 255 bytes");
  }

  @Test
  void aBloomThatDoesNotMatchTheLogsShouldBeRefused() {
    Bytes wrongBloom = LogsBloom.EMPTY.with(Bytes.of(1)).toBytes();
    assertRefused(
        RlpWriter.list(
            w ->
                w.writeBytes(Bytes.of(1)).writeScalar(1).writeBytes(wrongBloom).writeList(l -> {})),
        "logs bloom does not match the logs");
    // geth's receipt with one log removed keeps a bloom that no longer matches.
    Bytes oneLogLess =
        RlpWriter.list(
            w ->
                w.writeBytes(Bytes.EMPTY)
                    .writeScalar(1)
                    .writeBytes(gethReceipt(TransactionType.LEGACY).bloom().toBytes())
                    .writeList(l -> gethReceipt(TransactionType.LEGACY).logs().get(0).writeTo(l)));
    assertRefused(oneLogLess, "logs bloom does not match the logs");
  }

  @Test
  void badLogsShouldBeRefused() {
    assertRefused(
        withLog(
            w -> w.writeBytes(Bytes.wrap(new byte[19])).writeList(l -> {}).writeBytes(Bytes.EMPTY)),
        "log address is 19 bytes");
    assertRefused(
        withLog(
            w ->
                w.writeBytes(address("0x11").bytes())
                    .writeList(l -> l.writeBytes(Bytes.wrap(new byte[31])))
                    .writeBytes(Bytes.EMPTY)),
        "Expected a 32-byte string, got 31");
    assertRefused(
        withLog(
            w ->
                w.writeBytes(address("0x11").bytes())
                    .writeList(
                        l -> {
                          for (int i = 0; i < 5; i++) {
                            l.writeBytes(DEAD);
                          }
                        })
                    .writeBytes(Bytes.EMPTY)),
        "at most 4 topics");
    assertRefused(
        withLog(
            w ->
                w.writeBytes(address("0x11").bytes())
                    .writeList(l -> {})
                    .writeBytes(Bytes.EMPTY)
                    .writeBytes(Bytes.EMPTY)),
        "a log has 3 fields");
    assertRefused(
        withLog(w -> w.writeBytes(address("0x11").bytes()).writeList(l -> {})), "input ends");
    assertRefused(
        withLog(
            w ->
                w.writeBytes(address("0x11").bytes())
                    .writeBytes(Bytes.EMPTY)
                    .writeBytes(Bytes.EMPTY)),
        "expected an RLP list");
  }

  /** A legacy receipt whose status item {@code status} writes, otherwise valid. */
  private static Bytes receiptWith(Consumer<RlpWriter> status) {
    return RlpWriter.list(
        w -> {
          status.accept(w);
          w.writeScalar(1).writeBytes(LogsBloom.EMPTY.toBytes()).writeList(l -> {});
        });
  }

  /** A legacy receipt whose single log has the fields {@code fields} writes. */
  private static Bytes withLog(Consumer<RlpWriter> fields) {
    return RlpWriter.list(
        w ->
            w.writeBytes(Bytes.of(1))
                .writeScalar(1)
                .writeBytes(LogsBloom.EMPTY.toBytes())
                .writeList(logs -> logs.writeList(fields)));
  }

  private static void assertRefused(Bytes encoded, String reason) {
    assertThatThrownBy(() -> Receipt.decode(encoded))
        .isInstanceOf(ReceiptDecodingException.class)
        .hasMessageStartingWith("malformed receipt: ")
        .hasMessageContaining(reason);
  }
}
