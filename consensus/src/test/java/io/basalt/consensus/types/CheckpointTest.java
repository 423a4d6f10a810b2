package io.basalt.consensus.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.Hash;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.UInt64;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

class CheckpointTest {

  @Test
  void shouldSerializeAsEpochThenRoot() {
    Checkpoint checkpoint = new Checkpoint(Epoch.of(3), Bytes32.fromHexStringLenient("0xab"));
    Bytes encoded = Checkpoint.SSZ.serialize(checkpoint);
    assertThat(encoded.size()).isEqualTo(40);
    assertThat(encoded.slice(0, 8)).isEqualTo(Bytes.fromHexString("0x0300000000000000"));
    assertThat(Checkpoint.SSZ.deserialize(encoded)).isEqualTo(checkpoint);
  }

  @Test
  void rootShouldBeHashOfTheTwoFieldChunks() {
    Checkpoint checkpoint = new Checkpoint(Epoch.of(7), Bytes32.repeat((byte) 0x11));
    Bytes epochChunk = Bytes32.rightPad(Bytes.fromHexString("0x0700000000000000"));
    assertThat(checkpoint.hashTreeRoot())
        .isEqualTo(Hash.sha256(Bytes.concatenate(epochChunk, checkpoint.root())));
  }

  @Test
  void typedUint64ListsShouldHashLikePlainUint64Lists() {
    List<Epoch> epochs = List.of(Epoch.of(1), Epoch.of(2), Epoch.of(300));
    List<UInt64> plain = epochs.stream().map(Epoch::value).toList();
    assertThat(SszTypes.list(SszTypes.EPOCH, 64).hashTreeRoot(epochs))
        .isEqualTo(SszTypes.list(SszTypes.UINT64, 64).hashTreeRoot(plain));
  }
}
