package io.basalt.networking.peers;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.networking.identity.PeerId;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import io.basalt.networking.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryPeerStoreTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private static PeerId peer() {
    return Secp256k1PeerPrivateKey.random(RANDOM).publicKey().toPeerId();
  }

  @Test
  void shouldBoundPeersAndAddresses() {
    InMemoryPeerStore store = new InMemoryPeerStore(2);
    PeerId p = peer();
    for (int port = 1; port <= 40; port++) {
      store.addAddresses(p, List.of(Multiaddr.parse("/ip4/10.0.0.1/tcp/" + port)));
    }
    store.addAddresses(peer(), List.of(Multiaddr.parse("/ip4/10.0.0.2/tcp/1")));
    store.addAddresses(peer(), List.of(Multiaddr.parse("/ip4/10.0.0.3/tcp/1")));

    assertThat(store.addresses(p)).hasSize(InMemoryPeerStore.MAX_ADDRESSES_PER_PEER);
    assertThat(store.addresses(p)).contains(Multiaddr.parse("/ip4/10.0.0.1/tcp/40"));
    assertThat(store.knownPeers()).hasSize(2);
  }

  @Test
  void shouldStoreAddressesWithoutPeerIdAndKeepBans() {
    InMemoryPeerStore store = new InMemoryPeerStore();
    PeerId p = peer();
    store.addAddresses(p, List.of(Multiaddr.parse("/ip4/10.0.0.1/tcp/1").withPeerId(p)));
    store.ban(p, new BanRecord(Instant.now().plusSeconds(60), "spam"));

    assertThat(store.addresses(p)).containsExactly(Multiaddr.parse("/ip4/10.0.0.1/tcp/1"));
    assertThat(store.ban(p)).hasValueSatisfying(b -> assertThat(b.reason()).isEqualTo("spam"));
    store.unban(p);
    assertThat(store.ban(p)).isEmpty();
  }
}
