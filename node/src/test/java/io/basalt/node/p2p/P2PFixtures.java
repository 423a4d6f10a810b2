package io.basalt.node.p2p;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.BeaconBlockBody;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.operations.VoluntaryExit;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.common.types.Address;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfigLoader;
import io.basalt.consensus.types.Bytes4;
import io.basalt.shard.datastructures.ShardBlock;
import io.basalt.shard.datastructures.ShardBlockBody;
import io.basalt.shard.datastructures.ShardSchemas;
import io.basalt.shard.datastructures.SignedShardBlock;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** SSZ-valid dummy chain data: chained beacon blocks and shard blocks with marker signatures. */
final class P2PFixtures {

  static final SszCodecs CODECS;
  static final Bytes4 DIGEST = Bytes4.fromHexString("0x0a0b0c0d");
  static final Bytes GOOD_SIGNATURE = Bytes.wrap(new byte[96]);
  static final Bytes BAD_SIGNATURE = Bytes.concatenate(Bytes.of(1), Bytes.wrap(new byte[95]));

  static {
    var config = SpecConfigLoader.load("local");
    CODECS = new SszCodecs(new BeaconSchemas(config), new ShardSchemas(config));
  }

  private P2PFixtures() {}

  static SignedBeaconBlock block(long slot, Bytes32 parent, Bytes signature) {
    return block(slot, parent, signature, Bytes32.ZERO);
  }

  /** A block whose state root tells apart blocks of two forks at one slot. */
  static SignedBeaconBlock block(long slot, Bytes32 parent, Bytes signature, Bytes32 stateRoot) {
    BeaconBlockBody body =
        new BeaconBlockBody(
            Bytes.wrap(new byte[96]),
            Bytes32.ZERO,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    return new SignedBeaconBlock(
        new BeaconBlock(Slot.of(slot), ValidatorIndex.of(slot % 7), parent, stateRoot, body),
        signature);
  }

  /** Blocks at slots 1..count, each the child of the previous (the first of the zero root). */
  static List<SignedBeaconBlock> chain(int count, Bytes signature) {
    List<SignedBeaconBlock> blocks = new ArrayList<>();
    Bytes32 parent = Bytes32.ZERO;
    for (int slot = 1; slot <= count; slot++) {
      SignedBeaconBlock block = block(slot, parent, signature);
      blocks.add(block);
      parent = CODECS.beaconBlockRoot(block);
    }
    return blocks;
  }

  static SignedShardBlock shardBlock(int shard, long slot) {
    ShardBlockHeader header =
        new ShardBlockHeader(
            ShardId.of(shard),
            Slot.of(slot),
            ValidatorIndex.of(1),
            Bytes32.ZERO,
            Bytes32.ZERO,
            Bytes32.ZERO,
            Bytes32.ZERO,
            Bytes32.ZERO,
            Bytes32.ZERO,
            UInt64.ZERO,
            UInt64.valueOf(30_000_000),
            BigInteger.valueOf(7),
            Address.ZERO);
    return new SignedShardBlock(
        new ShardBlock(header, new ShardBlockBody(List.of(), List.of(), List.of())),
        GOOD_SIGNATURE);
  }

  static SignedVoluntaryExit exit(long validator) {
    return new SignedVoluntaryExit(
        new VoluntaryExit(Epoch.of(1), ValidatorIndex.of(validator)), GOOD_SIGNATURE);
  }
}
