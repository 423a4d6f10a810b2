package io.basalt.node.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Arrays;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.xerial.snappy.Snappy;

class GossipEncodingTest {

  private static byte[] sha256(byte[]... parts) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  @Test
  void messageIdOfValidSnappyHashesTheValidDomainAndTheUncompressedBytes() throws Exception {
    byte[] ssz = "hello basalt".getBytes();
    Bytes compressed = Bytes.wrap(Snappy.compress(ssz));
    byte[] expected = Arrays.copyOf(sha256(new byte[] {1, 0, 0, 0}, ssz), 20);
    assertThat(GossipEncoding.messageId(compressed, 1024).bytes().toArrayUnsafe())
        .isEqualTo(expected);
  }

  @Test
  void messageIdOfInvalidSnappyHashesTheInvalidDomainAndTheRawBytes() throws Exception {
    byte[] raw = {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01, 0x02};
    byte[] expected = Arrays.copyOf(sha256(new byte[] {0, 0, 0, 0}, raw), 20);
    assertThat(GossipEncoding.messageId(Bytes.wrap(raw), 1024).bytes().toArrayUnsafe())
        .isEqualTo(expected);
  }

  @Test
  void messageIdOfAPayloadOverTheLimitUsesTheInvalidDomain() throws Exception {
    byte[] ssz = new byte[100];
    byte[] compressed = Snappy.compress(ssz);
    byte[] expected = Arrays.copyOf(sha256(new byte[] {0, 0, 0, 0}, compressed), 20);
    assertThat(GossipEncoding.messageId(Bytes.wrap(compressed), 99).bytes().toArrayUnsafe())
        .isEqualTo(expected);
  }

  @Test
  void shouldRejectAnAnnouncedLengthOverTheLimitBeforeDecompressing() {
    // Preamble 0x80 0x80 0x80 0x05 announces 10 MiB; nothing follows.
    byte[] bomb = {(byte) 0x80, (byte) 0x80, (byte) 0x80, 0x05};
    assertThatThrownBy(() -> GossipEncoding.decompress(bomb, 1 << 20))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("at most");
  }

  @Test
  void shouldRejectACompressedPayloadLongerThanTheLimitAllows() {
    byte[] big = new byte[GossipEncoding.maxCompressedLength(10) + 1];
    assertThatThrownBy(() -> GossipEncoding.checkSizes(big, 10))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("compressed");
  }

  @Test
  void shouldRejectGarbageAndMalformedPreambles() {
    assertThatThrownBy(() -> GossipEncoding.decompress(new byte[0], 100))
        .isInstanceOf(MalformedMessageException.class);
    byte[] garbage = {5, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff};
    assertThatThrownBy(() -> GossipEncoding.decompress(garbage, 100))
        .isInstanceOf(MalformedMessageException.class);
  }

  @Test
  void compressAndDecompressRoundTrip() {
    Bytes ssz = Bytes.random(5000);
    assertThat(GossipEncoding.decompress(GossipEncoding.compress(ssz), 5000)).isEqualTo(ssz);
  }

  @Test
  void topicStringsFollowTheDesignAndParseBack() {
    GossipTopic block = GossipTopic.of(TopicKind.BEACON_BLOCK);
    GossipTopic shardTx = new GossipTopic(TopicKind.SHARD_TRANSACTION, 3);
    assertThat(block.topic(P2PFixtures.DIGEST))
        .isEqualTo("/basalt/0a0b0c0d/beacon_block/ssz_snappy");
    assertThat(shardTx.topic(P2PFixtures.DIGEST))
        .isEqualTo("/basalt/0a0b0c0d/shard_tx_3/ssz_snappy");
    assertThat(new GossipTopic(TopicKind.ATTESTATION, 2).name()).isEqualTo("beacon_attestation_2");
    assertThat(GossipTopic.parse(shardTx.topic(P2PFixtures.DIGEST), P2PFixtures.DIGEST))
        .contains(shardTx);
    assertThat(GossipTopic.parse("/basalt/00000000/beacon_block/ssz_snappy", P2PFixtures.DIGEST))
        .isEmpty();
    assertThat(GossipTopic.parse("/basalt/0a0b0c0d/shard_tx_x/ssz_snappy", P2PFixtures.DIGEST))
        .isEmpty();
  }
}
