package io.basalt.common.crypto.bls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import supranational.blst.P1;

class ProofOfPossessionTest {

  private final BlsSecretKey victimSecret = InteropKeys.secretKey(0);
  private final BlsPublicKey victim = victimSecret.publicKey();
  private final BlsSecretKey attackerSecret = InteropKeys.secretKey(1);

  @Test
  void proofShouldVerifyForItsOwnKeyOnly() {
    BlsSignature proof = Bls.popProve(victimSecret);

    assertThat(Bls.popVerify(victim, proof)).isTrue();
    assertThat(Bls.popVerify(attackerSecret.publicKey(), proof)).isFalse();
  }

  @Test
  void proofShouldNotDoubleAsAnOrdinarySignature() {
    BlsSignature proof = Bls.popProve(victimSecret);
    BlsSignature plain = Bls.sign(victimSecret, victim.toBytes());

    // Same key, same bytes, different domain tags: neither stands in for the other.
    assertThat(Bls.verify(victim, victim.toBytes(), proof)).isFalse();
    assertThat(Bls.popVerify(victim, plain)).isFalse();
  }

  @Test
  void rogueKeyShouldForgeAnAggregateButFailItsProofOfPossession() {
    // rogue = a*G - victim: the attacker knows the secret of rogue + victim, not of rogue.
    P1 rogue = new P1(attackerSecret.blst()).add(victim.point().to_jacobian().neg());
    BlsPublicKey rogueKey = BlsPublicKey.fromBytes(Bytes.wrap(rogue.compress()));
    Bytes message = BlsTestKeys.message(5);
    BlsSignature forged = Bls.sign(attackerSecret, message);

    // Without proofs of possession the forgery claims the victim signed.
    assertThat(Bls.fastAggregateVerify(List.of(victim, rogueKey), message, forged)).isTrue();
    // The best proof the attacker can make for the rogue key is signed with its known scalar.
    BlsSignature attemptedProof =
        Bls.sign(attackerSecret, rogueKey.toBytes()); // wrong tag and wrong key
    assertThat(Bls.popVerify(rogueKey, attemptedProof)).isFalse();
    assertThat(Bls.popVerify(rogueKey, Bls.popProve(attackerSecret))).isFalse();
  }
}
