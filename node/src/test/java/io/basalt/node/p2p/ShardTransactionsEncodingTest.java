package io.basalt.node.p2p;

import static io.basalt.node.p2p.P2PFixtures.CODECS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.ssz.SszTypes;
import io.basalt.shard.datastructures.ShardSchemas;
import java.util.Collections;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class ShardTransactionsEncodingTest {

  /** The SSZ of a list of byte lists, without the codec's checks (the limit does not change it). */
  private static Bytes rawList(List<Bytes> elements) {
    return SszTypes.list(SszTypes.byteList(ShardSchemas.MAX_TX_SIZE), 1 << 20).serialize(elements);
  }

  @Test
  void aBatchRoundTripsInOrder() {
    List<Bytes> batch = List.of(Bytes.fromHexString("0x02f8"), Bytes.of(1), Bytes.random(300));
    Bytes ssz = CODECS.encodeShardTransactions(batch);
    assertThat(CODECS.decodeShardTransactions(ssz)).isEqualTo(batch);
    // List[ByteList]: a 4-byte offset per transaction, then the bytes.
    assertThat(ssz.size()).isEqualTo(3 * 4 + 2 + 1 + 300);
  }

  @Test
  void aMessageWithoutTransactionsOrWithAnEmptyOneIsMalformed() {
    Bytes none = Bytes.EMPTY;
    Bytes withEmpty = rawList(List.of(Bytes.of(1), Bytes.EMPTY));
    assertThatThrownBy(() -> CODECS.decodeShardTransactions(none))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("no shard transaction");
    assertThatThrownBy(() -> CODECS.decodeShardTransactions(withEmpty))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("shard transaction 1 is empty");
  }

  @Test
  void moreThanTheLimitDoesNotDecodeAndIsNotEncoded() {
    List<Bytes> tooMany = Collections.nCopies(SszCodecs.MAX_GOSSIP_TRANSACTIONS + 1, Bytes.of(7));
    assertThatThrownBy(() -> CODECS.decodeShardTransactions(rawList(tooMany)))
        .isInstanceOf(MalformedMessageException.class);
    assertThatThrownBy(() -> CODECS.encodeShardTransactions(tooMany))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CODECS.encodeShardTransactions(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
