package io.basalt.common.crypto.secp256k1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;

class SecpSignatureTest {

  private static final BigInteger R = new BigInteger("123456789");
  private static final BigInteger S = SecpCurve.HALF_N;

  @Test
  void shouldRoundTripTheSixtyFiveByteForm() {
    SecpSignature signature = new SecpSignature(R, S, 1);
    Bytes encoded = signature.toBytes();
    assertThat(encoded.size()).isEqualTo(65);
    assertThat(encoded.get(64)).isEqualTo((byte) 1);
    assertThat(signature.toCompactBytes()).isEqualTo(encoded.slice(0, 64));
    assertThat(SecpSignature.fromBytes(encoded)).isEqualTo(signature);
  }

  @Test
  void shouldTreatHalfNAsTheLargestCanonicalS() {
    assertThat(new SecpSignature(R, SecpCurve.HALF_N, 0).isCanonical()).isTrue();
    SecpSignature high = new SecpSignature(R, SecpCurve.HALF_N.add(BigInteger.ONE), 0);
    assertThat(high.isCanonical()).isFalse();
    assertThat(high.normalized())
        .isEqualTo(new SecpSignature(R, SecpCurve.N.subtract(high.s()), 1));
    assertThat(high.normalized().isCanonical()).isTrue();
  }

  @Test
  void shouldRejectOutOfRangeComponentsWithTheirReason() {
    assertThatThrownBy(() -> new SecpSignature(BigInteger.ZERO, S, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(RecoveryError.R_OUT_OF_RANGE.message());
    assertThatThrownBy(() -> new SecpSignature(R, SecpCurve.N, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(RecoveryError.S_OUT_OF_RANGE.message());
    assertThatThrownBy(() -> new SecpSignature(R, S, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(RecoveryError.INVALID_RECOVERY_ID.message());
    assertThatThrownBy(() -> SecpSignature.fromBytes(Bytes.wrap(new byte[64])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("65 bytes");
    Bytes withV27 = Bytes.concatenate(new SecpSignature(R, S, 0).toCompactBytes(), Bytes.of(27));
    assertThatThrownBy(() -> SecpSignature.fromBytes(withV27))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(RecoveryError.INVALID_RECOVERY_ID.message());
  }
}
