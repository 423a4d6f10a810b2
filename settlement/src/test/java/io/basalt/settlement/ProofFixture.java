package io.basalt.settlement;

import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.InteropSigner;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.Address;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Bytes4;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.settlement.BatchHeader;
import io.basalt.execution.settlement.BatchRecord;
import io.basalt.execution.state.WorldState;
import io.basalt.execution.trie.KvNodeStore;
import io.basalt.settlement.proof.AttestationEvidence;
import io.basalt.settlement.proof.BatchSlots;
import io.basalt.settlement.proof.CommitmentProof;
import io.basalt.settlement.proof.CommitmentProofs;
import io.basalt.settlement.proof.FinalityProof;
import io.basalt.settlement.trust.TrustedValidatorSet;
import io.basalt.settlement.verify.BatchClaim;
import io.basalt.storage.memory.InMemoryKvStore;
import io.basalt.storage.schema.BasaltSchema;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Real proofs over small hand-built states: a shard world state holding one batch record in the
 * Settlement contract's storage, a shard header over it, the 64-validator interop genesis state
 * with that header crosslinked, a beacon header over that state as the checkpoint C of epoch 2, and
 * attestations signed with the interop keys in four committees of 16.
 */
public final class ProofFixture {

  public static final SpecConfig CONFIG = TestStates.LOCAL;
  public static final ShardId SHARD = ShardId.of(1);
  public static final long ROLLUP = 3;
  public static final long INDEX = 5;
  public static final int VALIDATORS = 64;
  public static final long C_EPOCH = 2;

  private static final InteropSigner SIGNER = new InteropSigner();
  private static final SigningHelpers SIGNING = new SigningHelpers();

  public final BeaconState genesis = TestStates.genesis64();
  public final BatchRecord record;
  public final CommitmentProof commitment;
  public final Checkpoint checkpoint;
  public final Checkpoint source = new Checkpoint(Epoch.of(1), Bytes32.repeat((byte) 0x11));

  public ProofFixture() {
    this(false);
  }

  public ProofFixture(boolean reverted) {
    BatchHeader header =
        new BatchHeader(
            Bytes32.repeat((byte) 0x01),
            0,
            40,
            Bytes32.repeat((byte) 0x02),
            Bytes32.repeat((byte) 0x03),
            Bytes32.repeat((byte) 0x04));
    record = new BatchRecord(header.batchHash(ROLLUP, INDEX), header, Slot.of(9), reverted);
    WorldState world =
        WorldState.empty(new KvNodeStore(InMemoryKvStore.create(BasaltSchema.SCHEMA)));
    List<Bytes32> keys = BatchSlots.keys(ROLLUP, INDEX);
    List<Bytes32> words = BatchSlots.words(ROLLUP, INDEX, record);
    for (int i = 0; i < keys.size(); i++) {
      world.setStorage(SystemContracts.SETTLEMENT, keys.get(i), words.get(i));
    }
    // Another rollup's record next to it, so the storage trie has branches.
    world.setStorage(
        SystemContracts.SETTLEMENT,
        BatchSlots.keys(ROLLUP + 1, 0).get(0),
        Bytes32.repeat((byte) 9));
    ShardBlockHeader shardHeader =
        new ShardBlockHeader(
            SHARD,
            Slot.of(14),
            ValidatorIndex.of(7),
            Bytes32.repeat((byte) 0x21),
            Bytes32.repeat((byte) 0x22),
            world.rootHash(),
            Bytes32.repeat((byte) 0x23),
            Bytes32.repeat((byte) 0x24),
            Bytes32.repeat((byte) 0x25),
            UInt64.valueOf(21_000),
            UInt64.valueOf(30_000_000),
            BigInteger.valueOf(7),
            Address.ZERO);
    BeaconState state =
        genesis.updated(
            m ->
                m.setLatestCrosslinks(
                    m.latestCrosslinks().set(SHARD.id(), shardHeader.toCrosslink())));
    BeaconBlockHeader beaconHeader =
        new BeaconBlockHeader(
            Slot.of(C_EPOCH * CONFIG.slotsPerEpoch()),
            ValidatorIndex.of(3),
            Bytes32.repeat((byte) 0x31),
            state.hashTreeRoot(),
            Bytes32.repeat((byte) 0x32));
    checkpoint = new Checkpoint(Epoch.of(C_EPOCH), beaconHeader.hashTreeRoot());
    commitment =
        CommitmentProofs.build(
            SHARD, ROLLUP, INDEX, world, shardHeader, state, beaconHeader, checkpoint);
  }

  public BatchClaim claim() {
    return new BatchClaim(SHARD, ROLLUP, INDEX, record.batchHash());
  }

  public TrustedValidatorSet trusted() {
    return TrustedValidatorSet.fromState(genesis);
  }

  public static Checkpoint target(long epoch) {
    return new Checkpoint(Epoch.of(epoch), Bytes32.repeat((byte) (0x40 + epoch)));
  }

  /** A finality proof C -> C+1 in which the validators {@code signs} accepts vote. */
  public FinalityProof finality(IntPredicate signs) {
    return new FinalityProof(
        checkpoint,
        votes(source, checkpoint, signs),
        List.of(),
        votes(checkpoint, target(C_EPOCH + 1), signs));
  }

  public FinalityProof finality() {
    return finality(i -> true);
  }

  /** Four attestations, one per committee of 16 validators, voting {@code source -> target}. */
  public List<AttestationEvidence> votes(Checkpoint source, Checkpoint target, IntPredicate signs) {
    List<AttestationEvidence> out = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      List<ValidatorIndex> committee =
          IntStream.range(c * 16, c * 16 + 16).mapToObj(ValidatorIndex::of).toList();
      AttestationData data =
          new AttestationData(
              Slot.of(target.epoch().value().longValue() * CONFIG.slotsPerEpoch() + c),
              ShardId.of(c % CONFIG.shardCount()),
              target.root(),
              source,
              target,
              Bytes32.ZERO);
      AttestationEvidence a = attest(data, committee, signs, genesis.fork().currentVersion());
      if (a != null) {
        out.add(a);
      }
    }
    return out;
  }

  /** The aggregate of the members {@code signs} accepts, or null if none does. */
  public AttestationEvidence attest(
      AttestationData data, List<ValidatorIndex> committee, IntPredicate signs, Bytes4 version) {
    return attest(data, committee, signs, version, genesis.genesisValidatorsRoot());
  }

  public static AttestationEvidence attest(
      AttestationData data,
      List<ValidatorIndex> committee,
      IntPredicate signs,
      Bytes4 version,
      Bytes32 genesisValidatorsRoot) {
    Bits bits = Bits.zeros(committee.size());
    List<ValidatorIndex> signers = new ArrayList<>();
    for (int i = 0; i < committee.size(); i++) {
      if (signs.test(committee.get(i).value().intValue())) {
        bits = bits.with(i, true);
        signers.add(committee.get(i));
      }
    }
    if (signers.isEmpty()) {
      return null;
    }
    Bytes32 domain =
        SIGNING.computeDomain(CONFIG.domainBeaconAttester(), version, genesisValidatorsRoot);
    Bytes32 root = SIGNING.computeSigningRoot(data.hashTreeRoot(), domain);
    Bytes signature = SIGNER.signAggregate(signers, root).toBytes();
    return new AttestationEvidence(data, bits, signature, committee);
  }
}
