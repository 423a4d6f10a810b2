package io.basalt.shard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.beacon.datastructures.shard.CrossShardReceipt;
import io.basalt.beacon.datastructures.shard.ShardOutbox;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.execution.receipt.Log;
import io.basalt.execution.receipt.Receipt;
import io.basalt.execution.transaction.TransactionType;
import io.basalt.shard.datastructures.ShardSchemas;
import io.basalt.shard.state.ShardState;
import io.basalt.shard.transition.ShardFixture;
import io.basalt.storage.codec.CodecException;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class StoredEncodingsTest {

  private final ShardSchemas schemas = new ShardSchemas(ShardFixture.CONFIG);
  private final ShardStateCodec states = new ShardStateCodec(schemas);

  private ShardState state() {
    ShardOutbox outbox =
        ShardOutbox.empty(schemas.outbox())
            .with(
                new CrossShardReceipt(
                    ShardId.of(1),
                    ShardId.of(2),
                    UInt64.ZERO,
                    ShardFixture.address(1),
                    ShardFixture.address(2),
                    BigInteger.TEN.pow(18),
                    Bytes32.repeat((byte) 4)));
    return new ShardState(
        ShardId.of(1),
        Slot.of(7),
        Bytes32.repeat((byte) 1),
        Bytes32.repeat((byte) 2),
        Bytes32.repeat((byte) 3),
        BigInteger.valueOf(875_000_000L),
        outbox,
        List.of(UInt64.ZERO, UInt64.ZERO, UInt64.valueOf(3), UInt64.ONE),
        UInt64.valueOf(5));
  }

  @Test
  void shouldStoreAStateAsTheReceiptsAddedToItsParentsOutbox() {
    ShardState parent = state();
    ShardOutbox outbox = parent.outbox();
    for (int i = 1; i <= 200; i++) {
      outbox = outbox.with(receipt(2, i));
    }
    ShardState history = parent.withOutbox(outbox); // a long-lived parent
    ShardState child = history.withOutbox(outbox.with(receipt(2, 201)).with(receipt(3, 0)));
    Bytes32 parentRoot = Bytes32.repeat((byte) 9);

    Bytes delta = states.encodeDelta(parentRoot, history, child);
    ShardStateCodec.Delta decoded = states.decodeDelta(delta);
    ShardState rebuilt = ShardStateCodec.apply(history, decoded);

    assertThat(decoded.parentRoot()).isEqualTo(parentRoot);
    assertThat(states.encode(rebuilt)).isEqualTo(states.encode(child));
    assertThat(rebuilt.outbox().root(schemas.outbox()))
        .isEqualTo(child.outbox().root(schemas.outbox()));
    // Two receipts' worth, not two hundred.
    assertThat(delta.size()).isLessThan(states.encode(state()).size() + 400);
    assertThat(states.encode(child).size()).isGreaterThan(20 * delta.size());
    // Applied to another parent, the receipts' indices do not fit.
    assertThatThrownBy(() -> ShardStateCodec.apply(parent, decoded))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("does not fit its parent");
  }

  private static CrossShardReceipt receipt(int destination, long index) {
    return new CrossShardReceipt(
        ShardId.of(1),
        ShardId.of(destination),
        UInt64.valueOf(index),
        ShardFixture.address(1),
        ShardFixture.address(2),
        BigInteger.valueOf(index + 1),
        Bytes32.repeat((byte) index));
  }

  @Test
  void shouldRoundTripAShardStateWithItsOutbox() {
    ShardState state = state();
    ShardState decoded = states.decode(states.encode(state));

    assertThat(states.encode(decoded)).isEqualTo(states.encode(state));
    assertThat(decoded.slot()).isEqualTo(Slot.of(7));
    assertThat(decoded.nextBaseFee()).isEqualTo(BigInteger.valueOf(875_000_000L));
    assertThat(decoded.inboxCursors()).isEqualTo(state.inboxCursors());
    assertThat(decoded.outbox().root(schemas.outbox()))
        .isEqualTo(state.outbox().root(schemas.outbox()));
    assertThat(decoded.outbox().countTo(ShardId.of(2))).isEqualTo(UInt64.ONE);
  }

  @Test
  void shouldStoreAPrunedOutboxAsItsKeptReceiptsAndTheHashesOfTheRest() {
    ShardOutbox outbox = state().outbox();
    for (int i = 1; i <= 200; i++) {
      outbox = outbox.with(receipt(2, i));
    }
    for (int i = 0; i < 5; i++) {
      outbox = outbox.with(receipt(3, i));
    }
    ShardState full = state().withOutbox(outbox);
    // Shard 2 took in 150 of its receipts, shard 3 three of five (pruned in pairs: two).
    ShardState pruned = full.withOutbox(outbox.prunedBefore(List.of(0L, 0L, 150L, 3L)));
    assertThat(pruned.outbox().root(schemas.outbox())).isEqualTo(outbox.root(schemas.outbox()));

    Bytes stored = states.encode(pruned);
    ShardState decoded = states.decode(stored);

    assertThat(decoded.outbox().root(schemas.outbox())).isEqualTo(outbox.root(schemas.outbox()));
    assertThat(decoded.outbox().prunedCount(ShardId.of(2))).isEqualTo(150);
    assertThat(decoded.outbox().prunedCount(ShardId.of(3))).isEqualTo(2);
    assertThat(decoded.outbox().countTo(ShardId.of(2))).isEqualTo(UInt64.valueOf(201));
    assertThat(decoded.outbox().toShards().get(2).get(150)).isEqualTo(receipt(2, 150));
    assertThat(decoded.outbox().proveReceipt(schemas.outbox(), ShardId.of(2), 170))
        .isEqualTo(outbox.proveReceipt(schemas.outbox(), ShardId.of(2), 170));
    assertThat(decoded.outbox().with(receipt(2, 201)).root(schemas.outbox()))
        .isEqualTo(outbox.with(receipt(2, 201)).root(schemas.outbox()));
    assertThat(decoded.inboxCursors()).isEqualTo(full.inboxCursors());
    // Fifty-odd receipts and a few hashes, not two hundred receipts.
    assertThat(stored.size() * 3).isLessThan(states.encode(full).size());
    // Whole states written before pruning (the plain container) still read.
    assertThat(states.decode(states.encodePlain(full)).outbox().root(schemas.outbox()))
        .isEqualTo(outbox.root(schemas.outbox()));
  }

  @Test
  void shouldRejectStoredBytesThatAreNotAState() {
    Bytes encoded = states.encode(state());
    assertThatThrownBy(() -> states.decode(Bytes.fromHexString("0xdeadbeef")))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("shard state");
    assertThatThrownBy(() -> states.decode(encoded.slice(0, encoded.size() - 1)))
        .isInstanceOf(CodecException.class);
  }

  @Test
  void shouldRoundTripTransactionLocationsAndRejectOtherLengths() {
    TransactionLocation at = new TransactionLocation(ShardId.of(3), Bytes32.repeat((byte) 9), 42);
    assertThat(at.encode().size()).isEqualTo(40);
    assertThat(TransactionLocation.decode(at.encode())).isEqualTo(at);
    assertThatThrownBy(() -> TransactionLocation.decode(Bytes.of(1, 2, 3)))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("40 bytes");
    assertThatThrownBy(() -> new TransactionLocation(ShardId.of(0), Bytes32.ZERO, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRoundTripReceiptListsAndRejectGarbage() {
    Address emitter = ShardFixture.address(3);
    List<Receipt> receipts =
        List.of(
            new Receipt(TransactionType.EIP1559, true, UInt64.valueOf(21_000), List.of()),
            new Receipt(
                TransactionType.LEGACY,
                false,
                UInt64.valueOf(63_000),
                List.of(new Log(emitter, List.of(Bytes32.repeat((byte) 5)), Bytes.of(1, 2, 3)))));

    List<Receipt> decoded = ReceiptListCodec.decode(ReceiptListCodec.encode(receipts));

    assertThat(decoded.stream().map(Receipt::encode))
        .containsExactlyElementsOf(receipts.stream().map(Receipt::encode).toList());
    assertThat(ReceiptListCodec.decode(ReceiptListCodec.encode(List.of()))).isEmpty();
    assertThatThrownBy(() -> ReceiptListCodec.decode(Bytes.fromHexString("0xc3820102")))
        .isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> ReceiptListCodec.decode(Bytes.of(0x01)))
        .isInstanceOf(CodecException.class);
  }
}
