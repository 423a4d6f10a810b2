package io.basalt.node.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.networking.identity.PeerId;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import io.basalt.networking.multiaddr.Multiaddr;
import io.basalt.networking.peers.BanRecord;
import io.basalt.storage.KvStore;
import io.basalt.storage.KvStoreTransaction;
import io.basalt.storage.rocksdb.RocksDbConfig;
import io.basalt.storage.rocksdb.RocksDbKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredPeerStoreTest {

  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir Path dir;

  @Test
  void shouldRememberAddressesAndBansAcrossARestart() throws Exception {
    PeerId alice = randomPeer();
    PeerId bob = randomPeer();
    Multiaddr address = Multiaddr.parse("/ip4/127.0.0.1/tcp/9000");
    BanRecord ban = new BanRecord(Instant.parse("2030-01-01T00:00:00Z"), "invalid block");
    try (KvStore kv = open()) {
      StoredPeerStore peers = StoredPeerStore.load(kv, 100);
      peers.addAddresses(alice, List.of(address, Multiaddr.parse("/ip6/::1/tcp/9001")));
      peers.ban(bob, ban);
    }
    try (KvStore kv = open()) {
      StoredPeerStore peers = StoredPeerStore.load(kv, 100);
      assertThat(peers.knownPeers()).containsExactly(alice);
      assertThat(peers.addresses(alice))
          .containsExactlyInAnyOrder(address, Multiaddr.parse("/ip6/::1/tcp/9001"));
      assertThat(peers.ban(bob)).contains(ban);
      assertThat(peers.ban(alice)).isEmpty();
    }
  }

  @Test
  void shouldDeleteTheRecordWhenNothingIsLeft() throws Exception {
    PeerId peer = randomPeer();
    try (KvStore kv = open()) {
      StoredPeerStore peers = StoredPeerStore.load(kv, 100);
      peers.addAddresses(peer, List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/9000")));
      peers.ban(peer, new BanRecord(Instant.now().plusSeconds(60), "spam"));
      peers.removePeer(peer);
      assertThat(kv.get(BasaltSchema.PEER_STORE, Bytes.wrap(peer.toBytes()))).isPresent();
      peers.unban(peer);
      assertThat(kv.get(BasaltSchema.PEER_STORE, Bytes.wrap(peer.toBytes()))).isEmpty();
    }
  }

  @Test
  void shouldDropAnUnreadableRecordInsteadOfFailingStartUp() throws Exception {
    PeerId good = randomPeer();
    try (KvStore kv = open()) {
      StoredPeerStore.load(kv, 100)
          .addAddresses(good, List.of(Multiaddr.parse("/ip4/10.0.0.1/tcp/1")));
      try (KvStoreTransaction tx = kv.startTransaction()) {
        tx.put(BasaltSchema.PEER_STORE, Bytes.of(1, 2, 3), Bytes.of(9, 9));
        tx.commit();
      }
    }
    try (KvStore kv = open()) {
      StoredPeerStore peers = StoredPeerStore.load(kv, 100);
      assertThat(peers.knownPeers()).containsExactly(good);
      assertThat(kv.get(BasaltSchema.PEER_STORE, Bytes.of(1, 2, 3))).isEmpty();
    }
  }

  @Test
  void recordShouldRejectTruncatedAndForeignBytes() {
    PeerRecord record =
        new PeerRecord(
            List.of(Multiaddr.parse("/dns4/node.example/tcp/9000")),
            Optional.of(new BanRecord(Instant.ofEpochMilli(123), "reason")));
    byte[] encoded = record.encode();
    assertThat(PeerRecord.decode(encoded)).isEqualTo(record);
    for (int length = 0; length < encoded.length; length++) {
      byte[] truncated = java.util.Arrays.copyOf(encoded, length);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> PeerRecord.decode(truncated))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  private KvStore open() {
    return RocksDbKvStore.open(dir, RocksDbConfig.defaults(), BasaltSchema.SCHEMA);
  }

  private static PeerId randomPeer() {
    return Secp256k1PeerPrivateKey.random(RANDOM).peerId();
  }
}
