package io.basalt.node;

import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;

/**
 * The node's p2p identity: a secp256k1 key kept in {@code <dir>/node-key} (hex), created on first
 * start, so the node keeps its peer id across restarts.
 */
record NodeIdentity(Secp256k1PeerPrivateKey privateKey) {

  static NodeIdentity loadOrCreate(Path dir) throws IOException {
    Path file = dir.resolve("node-key");
    if (Files.exists(file)) {
      SecpPrivateKey key = SecpPrivateKey.fromHexString(Files.readString(file).strip());
      return new NodeIdentity(Secp256k1PeerPrivateKey.of(key));
    }
    Files.createDirectories(dir);
    SecpPrivateKey key = SecpPrivateKey.random(new SecureRandom());
    Path temporary = dir.resolve("node-key.tmp");
    Files.writeString(temporary, key.toBytes().toHexString());
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
    return new NodeIdentity(Secp256k1PeerPrivateKey.of(key));
  }

  PeerId peerId() {
    return PeerId.fromPublicKey(privateKey.publicKey());
  }
}
