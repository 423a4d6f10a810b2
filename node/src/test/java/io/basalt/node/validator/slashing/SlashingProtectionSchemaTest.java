package io.basalt.node.validator.slashing;

import static io.basalt.node.validator.slashing.SlashingFixtures.ALICE;
import static io.basalt.node.validator.slashing.SlashingFixtures.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.storage.codec.Codec;
import io.basalt.storage.codec.CodecException;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SlashingProtectionSchemaTest {

  @Test
  void codecsShouldRoundTrip() {
    roundTrip(ValidatorNumberKey.CODEC, new ValidatorNumberKey(ALICE.toBytes(), UInt64.MAX_VALUE));
    roundTrip(
        ValidatorShardSlotKey.CODEC,
        new ValidatorShardSlotKey(ALICE.toBytes(), ShardId.of(7), UInt64.valueOf(9)));
    roundTrip(ValidatorShardKey.CODEC, new ValidatorShardKey(ALICE.toBytes(), ShardId.of(3)));
    roundTrip(SignedRoot.CODEC, SignedRoot.of(root(1)));
    roundTrip(SignedRoot.CODEC, SignedRoot.UNKNOWN);
    roundTrip(
        SignedAttestationRecord.CODEC,
        new SignedAttestationRecord(UInt64.valueOf(4), SignedRoot.of(root(2))));
    roundTrip(
        SignedAttestationRecord.CODEC,
        new SignedAttestationRecord(UInt64.valueOf(4), SignedRoot.UNKNOWN));
    roundTrip(LowWatermarks.CODEC, LowWatermarks.NONE);
    roundTrip(
        LowWatermarks.CODEC,
        new LowWatermarks(
            Optional.of(UInt64.ONE), Optional.empty(), Optional.of(UInt64.MAX_VALUE)));
    roundTrip(SlashingProtectionSchema.BYTES48, ALICE.toBytes());
  }

  @Test
  void keysShouldSortByValidatorThenNumber() {
    byte[] low =
        ValidatorNumberKey.CODEC.encode(new ValidatorNumberKey(ALICE.toBytes(), UInt64.ONE));
    byte[] high =
        ValidatorNumberKey.CODEC.encode(new ValidatorNumberKey(ALICE.toBytes(), UInt64.MAX_VALUE));
    assertThat(Arrays.compareUnsigned(low, high)).isNegative();
  }

  @Test
  void codecsShouldRejectBytesTheyCouldNotHaveWritten() {
    assertThatThrownBy(() -> ValidatorNumberKey.CODEC.decode(new byte[55]))
        .isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> ValidatorShardSlotKey.CODEC.decode(new byte[59]))
        .isInstanceOf(CodecException.class);
    byte[] negativeShard = new byte[60];
    negativeShard[48] = (byte) 0x80;
    assertThatThrownBy(() -> ValidatorShardSlotKey.CODEC.decode(negativeShard))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("negative");
    assertThatThrownBy(() -> ValidatorShardKey.CODEC.decode(new byte[3]))
        .isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> SignedRoot.CODEC.decode(new byte[31]))
        .isInstanceOf(CodecException.class);
    assertThatThrownBy(() -> SignedAttestationRecord.CODEC.decode(new byte[7]))
        .isInstanceOf(CodecException.class);
    byte[] badFlag = new byte[27];
    badFlag[0] = 2;
    assertThatThrownBy(() -> LowWatermarks.CODEC.decode(badFlag))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("flag");
    assertThatThrownBy(() -> SlashingProtectionSchema.BYTES48.decode(new byte[47]))
        .isInstanceOf(CodecException.class);
  }

  private static <T> void roundTrip(Codec<T> codec, T value) {
    assertThat(codec.decode(codec.encode(value))).isEqualTo(value);
  }
}
