package io.basalt.common.crypto.bls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import supranational.blst.P1;

class BlsTest {

  private final List<BlsSecretKey> secretKeys = BlsTestKeys.secretKeys(8);
  private final List<BlsPublicKey> publicKeys =
      secretKeys.stream().map(BlsSecretKey::publicKey).toList();

  @Test
  void signatureShouldVerifyForItsKeyAndMessageOnly() {
    BlsSignature signature = Bls.sign(secretKeys.get(0), BlsTestKeys.message(1));

    assertThat(Bls.verify(publicKeys.get(0), BlsTestKeys.message(1), signature)).isTrue();
    assertThat(Bls.verify(publicKeys.get(0), BlsTestKeys.message(2), signature)).isFalse();
    assertThat(Bls.verify(publicKeys.get(1), BlsTestKeys.message(1), signature)).isFalse();
  }

  @Test
  void signatureShouldSurviveEncodingRoundTrip() {
    BlsSignature signature = Bls.sign(secretKeys.get(2), BlsTestKeys.message(3));
    BlsSignature decoded = BlsSignature.fromBytes(signature.toBytes());

    assertThat(decoded).isEqualTo(signature);
    assertThat(Bls.verify(publicKeys.get(2), BlsTestKeys.message(3), decoded)).isTrue();
  }

  @Test
  void keyGenShouldBeDeterministicAndRejectShortMaterial() {
    Bytes ikm = Bytes.repeat((byte) 7, 32);

    assertThat(Bls.keyGen(ikm)).isEqualTo(Bls.keyGen(ikm));
    assertThat(Bls.keyGen(ikm)).isNotEqualTo(Bls.keyGen(Bytes.repeat((byte) 8, 32)));
    assertThatThrownBy(() -> Bls.keyGen(Bytes.repeat((byte) 7, 31)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fastAggregateVerifyShouldAcceptAllSignersAndRejectAMissingOne() {
    Bytes message = BlsTestKeys.message(9);
    BlsSignature aggregate =
        Bls.aggregate(secretKeys.stream().map(sk -> Bls.sign(sk, message)).toList());

    assertThat(Bls.fastAggregateVerify(publicKeys, message, aggregate)).isTrue();
    assertThat(Bls.fastAggregateVerify(publicKeys.subList(1, 8), message, aggregate)).isFalse();
    assertThat(Bls.fastAggregateVerify(List.of(), message, aggregate)).isFalse();
  }

  @Test
  void aggregateVerifyShouldCheckEachKeyAgainstItsMessage() {
    List<Bytes> messages = List.of(BlsTestKeys.message(1), BlsTestKeys.message(2));
    BlsSignature aggregate =
        Bls.aggregate(
            List.of(
                Bls.sign(secretKeys.get(0), messages.get(0)),
                Bls.sign(secretKeys.get(1), messages.get(1))));

    assertThat(Bls.aggregateVerify(publicKeys.subList(0, 2), messages, aggregate)).isTrue();
    assertThat(Bls.aggregateVerify(publicKeys.subList(0, 2), messages.reversed(), aggregate))
        .isFalse();
    assertThat(Bls.aggregateVerify(publicKeys.subList(0, 1), messages, aggregate)).isFalse();
  }

  @Test
  void aggregatedPublicKeyShouldBeThePublicKeyOfTheSummedSecrets() {
    var sum =
        secretKeys.stream()
            .map(sk -> sk.toBytes().toUnsignedBigInteger())
            .reduce(java.math.BigInteger.ZERO, java.math.BigInteger::add)
            .mod(BlsSecretKey.CURVE_ORDER);

    BlsPublicKey aggregate = Bls.aggregatePublicKeys(publicKeys);

    assertThat(aggregate).isEqualTo(BlsSecretKey.fromScalar(sum).publicKey());
    assertThat(Bls.ethAggregatePubkeys(publicKeys.stream().map(k -> (Bytes) k.toBytes()).toList()))
        .isEqualTo(aggregate.toBytes());
  }

  @Test
  void publicKeyShouldKeepOneCachedPointAcrossAggregations() {
    BlsPublicKey key = BlsPublicKey.fromBytes(publicKeys.get(0).toBytes());
    var cached = key.point();

    for (int i = 0; i < 3; i++) {
      assertThat(Bls.aggregatePublicKeys(List.of(key, publicKeys.get(1)))).isNotNull();
    }
    assertThat(key.point()).isSameAs(cached);
  }

  @Test
  void aggregatingKeysThatCancelShouldFailWithTypedError() {
    P1 negated = publicKeys.get(0).point().to_jacobian().neg();
    BlsPublicKey negative = BlsPublicKey.fromBytes(Bytes.wrap(negated.compress()));

    assertThatThrownBy(() -> Bls.aggregatePublicKeys(List.of(publicKeys.get(0), negative)))
        .isInstanceOf(BlsException.class)
        .hasMessageContaining("infinity");
    assertThat(
            Bls.fastAggregateVerify(
                List.of(publicKeys.get(0), negative),
                BlsTestKeys.message(1),
                BlsSignature.INFINITY))
        .isFalse();
    assertThatThrownBy(() -> Bls.aggregate(List.of())).isInstanceOf(BlsException.class);
    assertThatThrownBy(() -> Bls.aggregatePublicKeys(List.of())).isInstanceOf(BlsException.class);
  }

  @Test
  void ethFastAggregateVerifyShouldAcceptOnlyInfinityForNoKeys() {
    Bytes message = BlsTestKeys.message(4);

    assertThat(Bls.ethFastAggregateVerify(List.of(), message, BlsSignature.INFINITY)).isTrue();
    assertThat(Bls.fastAggregateVerify(List.of(), message, BlsSignature.INFINITY)).isFalse();
    assertThat(Bls.ethFastAggregateVerify(List.of(), message, Bls.sign(secretKeys.get(0), message)))
        .isFalse();
  }

  @Test
  void offSubgroupSignatureShouldDecodeButNeverVerifyOrAggregate() {
    BlsSignature offSubgroup = BlsSignature.fromBytes(BlsTestKeys.offSubgroupEncoding(96, 1));

    assertThat(offSubgroup.isInSubgroup()).isFalse();
    assertThat(Bls.verify(publicKeys.get(0), BlsTestKeys.message(1), offSubgroup)).isFalse();
    assertThatThrownBy(() -> Bls.aggregate(List.of(offSubgroup)))
        .isInstanceOf(InvalidBlsEncodingException.class)
        .hasMessageContaining("subgroup");
  }
}
