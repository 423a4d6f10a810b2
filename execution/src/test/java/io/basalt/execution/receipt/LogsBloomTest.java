package io.basalt.execution.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.transaction.TransactionType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/**
 * The bloom against go-ethereum's {@code core/types/bloom9_test.go} values ({@code TestBloom},
 * {@code TestBloomExtensively}, the merged bloom of {@code BenchmarkCreateBloom}) and its contract.
 */
class LogsBloomTest {

  @Test
  void shouldContainWhatWasAddedAndNotGethsNegatives() {
    LogsBloom bloom = LogsBloom.EMPTY;
    for (String item : List.of("testtest", "test", "hallo", "other")) {
      bloom = bloom.with(ascii(item));
    }

    for (String item : List.of("testtest", "test", "hallo", "other")) {
      assertThat(bloom.mightContain(ascii(item))).as(item).isTrue();
    }
    for (String item : List.of("tes", "lo")) {
      assertThat(bloom.mightContain(ascii(item))).as(item).isFalse();
    }
  }

  @Test
  void hundredItemsShouldGiveGethsBloomHash() {
    LogsBloom bloom = LogsBloom.EMPTY;
    for (int i = 0; i < 100; i++) {
      bloom = bloom.with(ascii("xxxxxxxxxx data " + i + " yyyyyyyyyyyyyy"));
    }

    assertThat(Hash.keccak256(bloom.toBytes()))
        .isEqualTo(
            Bytes32.fromHexString(
                "0xc8d3ca65cdb4874300a9e39475508f23ed6da09fdbc487f89a2dcf50b09eb263"));
    assertThat(LogsBloom.fromBytes(bloom.toBytes())).isEqualTo(bloom);
  }

  @Test
  void mergedBloomOfReceiptsShouldGiveGethsHash() {
    List<Receipt> receipts =
        List.of(
            receiptWithLogsFrom(address("0x11"), address("0x0111")),
            receiptWithLogsFrom(address("0x22"), address("0x0222")));

    assertThat(Hash.keccak256(LogsBloom.ofReceipts(receipts).toBytes()))
        .isEqualTo(
            Bytes32.fromHexString(
                "0xc384c56ece49458a427c67b90fefe979ebf7104795be65dc398b280f24104949"));
  }

  @Test
  void bloomOfLogsShouldSetTheAddressAndEveryTopic() {
    Address address = address("0x1234");
    Bytes32 topic1 = Bytes32.fromHexStringLenient("0xdead");
    Bytes32 topic2 = Bytes32.fromHexStringLenient("0xbeef");
    LogsBloom bloom = LogsBloom.of(List.of(new Log(address, List.of(topic1, topic2), Bytes.EMPTY)));

    assertThat(bloom)
        .isEqualTo(LogsBloom.EMPTY.with(address.bytes()).with(topic1).with(topic2))
        .isNotEqualTo(LogsBloom.EMPTY.with(address.bytes()).with(topic1));
    assertThat(LogsBloom.of(List.of())).isEqualTo(LogsBloom.EMPTY);
    assertThat(LogsBloom.EMPTY.toBytes()).isEqualTo(Bytes.wrap(new byte[LogsBloom.BYTES]));
  }

  @Test
  void oneItemShouldSetAtMostThreeBitsAtTheYellowPaperPositions() {
    // keccak256("") = c5d2 4601 86f7 ...: bits 0x5d2, 0x601 and 0x6f7 of the 2048.
    Bytes bytes = LogsBloom.EMPTY.with(Bytes.EMPTY).toBytes();
    byte[] expected = new byte[LogsBloom.BYTES];
    for (int bit : new int[] {0x5d2, 0x601, 0x6f7}) {
      expected[255 - bit / 8] |= (byte) (1 << (bit % 8));
    }

    assertThat(bytes).isEqualTo(Bytes.wrap(expected));
  }

  @Test
  void orShouldBeTheUnionAndLeaveBothOperandsUnchanged() {
    LogsBloom a = LogsBloom.EMPTY.with(ascii("a"));
    LogsBloom b = LogsBloom.EMPTY.with(ascii("b"));
    Bytes aBefore = a.toBytes();

    LogsBloom union = a.or(b);

    assertThat(union).isEqualTo(LogsBloom.EMPTY.with(ascii("a")).with(ascii("b")));
    assertThat(a.toBytes()).isEqualTo(aBefore);
    assertThat(a.isSubsetOf(union)).isTrue();
    assertThat(union.isSubsetOf(a)).isFalse();
  }

  @Test
  void toBytesShouldReturnACopy() {
    LogsBloom bloom = LogsBloom.EMPTY.with(ascii("x"));
    byte[] exposed = bloom.toBytes().toArrayUnsafe();
    exposed[0] = (byte) 0xff;
    exposed[255] = (byte) 0xff;

    assertThat(bloom).isEqualTo(LogsBloom.EMPTY.with(ascii("x")));
  }

  @Test
  void fromBytesShouldRefuseAnythingButTwoHundredFiftySixBytes() {
    assertThatThrownBy(() -> LogsBloom.fromBytes(Bytes.wrap(new byte[255])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256 bytes, got 255");
    assertThatThrownBy(() -> LogsBloom.fromBytes(Bytes.wrap(new byte[257])))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LogsBloom.fromBytes(Bytes.EMPTY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 200)
  void anAddedItemShouldAlwaysBeFound(@ForAll @Size(max = 8) List<@Size(max = 40) byte[]> items) {
    LogsBloom bloom = LogsBloom.EMPTY;
    for (byte[] item : items) {
      bloom = bloom.with(Bytes.wrap(item));
    }
    for (byte[] item : items) {
      assertThat(bloom.mightContain(Bytes.wrap(item))).isTrue();
    }
    assertThat(LogsBloom.fromBytes(bloom.toBytes())).isEqualTo(bloom);
  }

  private static Receipt receiptWithLogsFrom(Address... addresses) {
    List<Log> logs = Arrays.stream(addresses).map(a -> new Log(a, List.of(), Bytes.EMPTY)).toList();
    return new Receipt(TransactionType.LEGACY, false, UInt64.ONE, logs);
  }

  /** geth's {@code common.BytesToAddress}: left-padded to 20 bytes. */
  static Address address(String hex) {
    Bytes bytes = Bytes.fromHexString(hex);
    return new Address(Bytes.concatenate(Bytes.wrap(new byte[Address.SIZE - bytes.size()]), bytes));
  }

  private static Bytes ascii(String text) {
    return Bytes.wrap(text.getBytes(StandardCharsets.US_ASCII));
  }
}
