package io.basalt.execution.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.common.crypto.secp256k1.RecoveryResult;
import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.types.Address;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class SenderRecoveryTest {

  private static final Address SENDER = Address.fromHexString(Web3jTx.ADDRESS_0);

  @Test
  void shouldRefuseHighSThoughTheCurveWouldRecoverTheSameKey() {
    Eip1559Transaction tx = Web3jTx.transfer().eip1559();
    Eip1559Transaction twin = SignatureTampering.highS(tx);
    RecoveryResult raw =
        SecpEcdsa.getDefault()
            .recoverPublicKey(twin.signingHash(), twin.r(), twin.s(), twin.yParity().intValue());

    // Without EIP-2 the twin would be a second valid signature (a malleable hash) for one sender.
    assertThat(raw.publicKey().map(Address::fromPublicKey)).contains(SENDER);
    assertThat(SenderRecovery.recover(twin))
        .isInstanceOfSatisfying(
            SenderResult.Invalid.class,
            invalid -> {
              assertThat(invalid.reason()).isEqualTo(TxRejection.INVALID_SIGNATURE);
              assertThat(invalid.detail()).contains("EIP-2");
            });
  }

  @Test
  void shouldRefuseAnInvalidV() {
    LegacyTransaction tx = Web3jTx.transfer().legacy();

    for (long v : new long[] {0, 1, 26, 29, 34}) {
      SenderResult result =
          SenderRecovery.recover(tx.withSignature(BigInteger.valueOf(v), tx.r(), tx.s()));
      assertThat(result)
          .isEqualTo(
              new SenderResult.Invalid(
                  TxRejection.INVALID_SIGNATURE,
                  "v " + v + " is neither 27/28 nor 35 + 2 * chainId + {0, 1}"));
    }
  }

  @Test
  void shouldRefuseRAndSAtOrAboveTheCurveOrder() {
    Eip1559Transaction tx = Web3jTx.transfer().eip1559();
    BigInteger n = io.basalt.common.crypto.secp256k1.SecpCurve.N;

    assertThat(reason(tx.withSignature(tx.yParity(), n, tx.s())))
        .isEqualTo(TxRejection.INVALID_SIGNATURE);
    assertThat(reason(tx.withSignature(tx.yParity(), tx.r(), n)))
        .isEqualTo(TxRejection.INVALID_SIGNATURE);
  }

  @Test
  void shouldReportInvalidSenderWhenNoKeyRecovers() {
    Eip1559Transaction tx = Web3jTx.transfer().eip1559();
    // About half of all r values are the x-coordinate of no curve point; find the first such r.
    TxRejection found = null;
    for (int r = 1; r < 64 && found == null; r++) {
      SenderResult result =
          SenderRecovery.recover(tx.withSignature(BigInteger.ZERO, BigInteger.valueOf(r), tx.s()));
      if (result instanceof SenderResult.Invalid invalid) {
        found = invalid.reason();
      }
    }

    assertThat(found).isEqualTo(TxRejection.INVALID_SENDER);
  }

  @Test
  void shouldRecoverADifferentSenderWhenTheFlippedParityStillNamesAKey() {
    Eip1559Transaction tx = Web3jTx.transfer().eip1559();
    Eip1559Transaction flipped = tx.withSignature(tx.yParity().xor(BigInteger.ONE), tx.r(), tx.s());

    SenderResult result = SenderRecovery.recover(flipped);

    // Either no key or another key: never the real sender.
    assertThat(result).isNotEqualTo(new SenderResult.Recovered(SENDER));
  }

  private static TxRejection reason(Transaction tx) {
    return ((SenderResult.Invalid) SenderRecovery.recover(tx)).reason();
  }
}
