package io.basalt.node.validator.slashing;

import io.basalt.common.crypto.bls.BlsPublicKey;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.storage.memory.InMemoryKvStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** Keys, roots and stores shared by the slashing-protection tests. */
final class SlashingFixtures {

  /** The genesis validators root of the EIP-3076 examples. */
  static final Bytes32 EIP_GENESIS_ROOT =
      Bytes32.fromHexString("0x04700007fabc8282644aed6d1c7c9e21d38a03a0c4ba193f3afe428824b3a673");

  /** The validator of the EIP-3076 examples. */
  static final BlsPublicKey EIP_VALIDATOR =
      BlsPublicKey.fromBytes(
          Bytes.fromHexString(
              "0xb845089a1457f811bfc000588fbb4e713669be8ce060ea6be3c6ece09afc3794106c91ca73acda5e5457122d58723bed"));

  static final Bytes32 GENESIS_ROOT = Bytes32.fromHexString("0x01");
  static final BlsPublicKey ALICE = InteropKeys.secretKey(0).publicKey();
  static final BlsPublicKey BOB = InteropKeys.secretKey(1).publicKey();

  private SlashingFixtures() {}

  static KvSlashingProtection inMemory() {
    return KvSlashingProtection.create(
        InMemoryKvStore.create(SlashingProtectionSchema.SCHEMA), GENESIS_ROOT);
  }

  static KvSlashingProtection inMemory(Bytes32 genesisRoot) {
    return KvSlashingProtection.create(
        InMemoryKvStore.create(SlashingProtectionSchema.SCHEMA), genesisRoot);
  }

  /** A distinct signing root per number. */
  static Bytes32 root(long n) {
    return Bytes32.leftPad(Bytes.ofUnsignedLong(n + 1));
  }

  static SigningDecision block(SlashingProtection p, BlsPublicKey v, long slot, Bytes32 root) {
    return p.checkAndRecordBlock(v, Slot.of(slot), root);
  }

  static SigningDecision attest(
      SlashingProtection p, BlsPublicKey v, long source, long target, Bytes32 root) {
    return p.checkAndRecordAttestation(v, Epoch.of(source), Epoch.of(target), root);
  }

  static SigningDecision shardBlock(
      SlashingProtection p, BlsPublicKey v, int shard, long slot, Bytes32 root) {
    return p.checkAndRecordShardBlock(v, ShardId.of(shard), Slot.of(slot), root);
  }

  static String reason(SigningDecision decision) {
    return decision instanceof SigningDecision.Refused refused ? refused.reason() : "<safe>";
  }

  static String resource(String name) {
    try (InputStream in = SlashingFixtures.class.getResourceAsStream("/interchange/" + name)) {
      if (in == null) {
        throw new IllegalStateException("Missing test resource interchange/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
