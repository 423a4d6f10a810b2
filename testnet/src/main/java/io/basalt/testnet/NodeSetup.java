package io.basalt.testnet;

import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.identity.Secp256k1PeerPrivateKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * One node of the testnet as laid out on disk before it starts: its data dir, ports and p2p
 * identity (the key is written up front, where the node loads it, so its peer id and multiaddr are
 * known before any node runs).
 *
 * @param validatorKeys the node's keystore dir in the genesis, if it runs validators
 */
public record NodeSetup(
    int index,
    Path dataDir,
    int rpcPort,
    int p2pPort,
    int metricsPort,
    PeerId peerId,
    Optional<Path> validatorKeys,
    Optional<Path> validatorPasswords) {

  /** Where the node keeps its p2p key, as {@code io.basalt.node.NodeIdentity} expects. */
  public static Path p2pDir(Path nodeDataDir) {
    return nodeDataDir.resolve("p2p");
  }

  /** The file the node re-reads for peers to deny (see the node's {@code PeerDenyFile}). */
  public Path denyPeersFile() {
    return p2pDir(dataDir).resolve("deny-peers");
  }

  public Path log() {
    return dataDir.resolve("node.log");
  }

  public String multiaddr() {
    return "/ip4/127.0.0.1/tcp/" + p2pPort + "/p2p/" + peerId;
  }

  public String rpcUrl() {
    return "http://127.0.0.1:" + rpcPort;
  }

  public String shardRpcUrl(int shard) {
    return rpcUrl() + "/shard/" + shard;
  }

  public String wsUrl() {
    return "ws://127.0.0.1:" + rpcPort + "/ws";
  }

  public String metricsUrl() {
    return "http://127.0.0.1:" + metricsPort + "/metrics";
  }

  public boolean hasValidators() {
    return validatorKeys.isPresent();
  }

  /** Creates {@code dataDir} and a fresh p2p key in it; returns the node's peer id. */
  static PeerId createIdentity(Path dataDir) throws IOException {
    Path dir = Files.createDirectories(p2pDir(dataDir));
    SecpPrivateKey key = SecpPrivateKey.random(new SecureRandom());
    Files.writeString(dir.resolve("node-key"), key.toBytes().toHexString());
    return PeerId.fromPublicKey(Secp256k1PeerPrivateKey.of(key).publicKey());
  }
}
