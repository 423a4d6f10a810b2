package io.basalt.beacon.datastructures.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.Address;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;
import org.junit.jupiter.api.Test;

class ShardOutboxTest {

  private final ShardOutbox.Schema schema = new ShardOutbox.Schema(4);

  @Test
  void shouldProveEveryReceiptAgainstTheRootOfALaterOutbox() {
    ShardOutbox outbox = ShardOutbox.empty(schema);
    for (int i = 0; i < 5; i++) {
      outbox = outbox.with(receipt(2, i, 100 + i));
    }
    Bytes32 earlyRoot = outbox.root(schema);
    outbox = outbox.with(receipt(3, 0, 7)).with(staking(0));
    Bytes32 root = outbox.root(schema);

    for (int i = 0; i < 5; i++) {
      List<Bytes32> branch = outbox.proveReceipt(schema, ShardId.of(2), i);
      assertThat(schema.verify(receipt(2, i, 100 + i), branch, root)).isTrue();
      assertThat(schema.verify(receipt(2, i, 999), branch, root)).isFalse();
      assertThat(schema.verify(receipt(2, i, 100 + i), branch, earlyRoot)).isFalse();
    }
    assertThat(schema.verify(staking(0), outbox.proveStakingReceipt(schema, 0), root)).isTrue();
    assertThat(outbox.countTo(ShardId.of(2))).isEqualTo(UInt64.valueOf(5));
    assertThat(outbox.countTo(ShardId.of(1))).isEqualTo(UInt64.ZERO);
    assertThat(outbox.stakingCount()).isEqualTo(UInt64.ONE);
  }

  @Test
  void shouldNotAcceptAProofForAnotherPosition() {
    ShardOutbox outbox = ShardOutbox.empty(schema).with(receipt(1, 0, 5)).with(receipt(1, 1, 5));
    List<Bytes32> branchOfFirst = outbox.proveReceipt(schema, ShardId.of(1), 0);
    assertThat(schema.verify(receipt(1, 1, 5), branchOfFirst, outbox.root(schema))).isFalse();
  }

  @Test
  void shouldRefuseAReceiptOutOfOrder() {
    assertThatThrownBy(() -> ShardOutbox.empty(schema).with(receipt(1, 1, 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("next to shard 1 is 0");
  }

  @Test
  void shouldRebuildALaterOutboxFromTheReceiptsItAdded() {
    ShardOutbox parent = ShardOutbox.empty(schema);
    for (int i = 0; i < 40; i++) {
      parent = parent.with(receipt(i % 4, i / 4, i));
    }
    parent = parent.with(staking(0));
    ShardOutbox child = parent.with(receipt(1, 10, 1)).with(receipt(3, 10, 2)).with(staking(1));

    ShardOutbox added = child.since(parent, schema);

    assertThat(added.countTo(ShardId.of(1))).isEqualTo(UInt64.ONE);
    assertThat(added.countTo(ShardId.of(0))).isEqualTo(UInt64.ZERO);
    assertThat(added.stakingCount()).isEqualTo(UInt64.ONE);
    assertThat(parent.plus(added).root(schema)).isEqualTo(child.root(schema));
    assertThat(child.since(child, schema).root(schema))
        .isEqualTo(ShardOutbox.empty(schema).root(schema));
  }

  @Test
  void shouldRefuseToDiffAgainstALongerOutboxOrAppendOutOfPlace() {
    ShardOutbox shorter = ShardOutbox.empty(schema).with(receipt(2, 0, 1));
    ShardOutbox longer = shorter.with(receipt(2, 1, 1));
    assertThatThrownBy(() -> shorter.since(longer, schema))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not extend");
    // The receipts added after `longer` do not continue `shorter`.
    ShardOutbox added = longer.with(receipt(2, 2, 1)).since(longer, schema);
    assertThatThrownBy(() -> shorter.plus(added))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("next to shard 2 is 1");
  }

  @Test
  void shouldHaveTheRootOfItsSszEncodingRoundTrip() {
    ShardOutbox outbox = ShardOutbox.empty(schema).with(receipt(0, 0, 1)).with(staking(0));
    Bytes encoded = schema.ssz().serialize(outbox);
    ShardOutbox decoded = schema.ssz().deserialize(encoded);
    assertThat(decoded.root(schema)).isEqualTo(outbox.root(schema));
  }

  private static CrossShardReceipt receipt(int destination, long index, long value) {
    return new CrossShardReceipt(
        ShardId.of(0),
        ShardId.of(destination),
        UInt64.valueOf(index),
        Address.fromHexString("0x00000000000000000000000000000000000000aa"),
        Address.fromHexString("0x00000000000000000000000000000000000000bb"),
        BigInteger.valueOf(value),
        Bytes32.repeat((byte) index));
  }

  private static StakingReceipt staking(long index) {
    return new StakingReceipt(
        ShardId.of(0),
        UInt64.valueOf(index),
        Bytes48.wrap(Bytes.repeat((byte) 1, 48)),
        Address.fromHexString("0x00000000000000000000000000000000000000cc"),
        Gwei.of(32_000_000_000L),
        Bytes.repeat((byte) 2, 96),
        Address.fromHexString("0x00000000000000000000000000000000000000aa"),
        Bytes32.ZERO);
  }
}
