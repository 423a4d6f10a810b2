package io.basalt.beacon.state;

import static io.basalt.common.ssz.Field.field;
import static java.util.Collections.nCopies;

import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.PendingShardHeader;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.common.ssz.Bits;
import io.basalt.common.ssz.ContainerSchema;
import io.basalt.common.ssz.SszTypes;
import io.basalt.common.ssz.view.ListView;
import io.basalt.common.ssz.view.VectorView;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.consensus.types.Fork;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes32;

/** The SSZ container of {@link BeaconState}: its fields in spec order. */
public final class BeaconStateSchema {

  private BeaconStateSchema() {}

  /**
   * The {@code BeaconState} container for the list and vector types of {@code s}; decoding builds
   * states bound to {@code s}.
   */
  public static ContainerSchema<BeaconState> create(BeaconSchemas s) {
    return ContainerSchema.of(
        "BeaconState",
        values -> fromValues(s, values),
        field("genesisTime", SszTypes.UINT64, BeaconState::genesisTime),
        field("genesisValidatorsRoot", SszTypes.BYTES32, BeaconState::genesisValidatorsRoot),
        field("slot", SszTypes.SLOT, BeaconState::slot),
        field("fork", Fork.SSZ, BeaconState::fork),
        field("latestBlockHeader", BeaconBlockHeader.SSZ, BeaconState::latestBlockHeader),
        field("blockRoots", s.blockRoots(), BeaconState::blockRoots),
        field("stateRoots", s.stateRoots(), BeaconState::stateRoots),
        field("historicalRoots", s.historicalRoots(), BeaconState::historicalRoots),
        field("validators", s.validators(), BeaconState::validators),
        field("balances", s.balances(), BeaconState::balances),
        field("randaoMixes", s.randaoMixes(), BeaconState::randaoMixes),
        field("slashings", s.slashings(), BeaconState::slashings),
        field(
            "previousEpochParticipation",
            s.participation(),
            BeaconState::previousEpochParticipation),
        field(
            "currentEpochParticipation", s.participation(), BeaconState::currentEpochParticipation),
        field("justificationBits", s.justificationBits(), BeaconState::justificationBits),
        field(
            "previousJustifiedCheckpoint",
            Checkpoint.SSZ,
            BeaconState::previousJustifiedCheckpoint),
        field(
            "currentJustifiedCheckpoint", Checkpoint.SSZ, BeaconState::currentJustifiedCheckpoint),
        field("finalizedCheckpoint", Checkpoint.SSZ, BeaconState::finalizedCheckpoint),
        field("inactivityScores", s.inactivityScores(), BeaconState::inactivityScores),
        field("latestCrosslinks", s.latestCrosslinks(), BeaconState::latestCrosslinks),
        field(
            "previousEpochPendingShardHeaders",
            s.pendingShardHeaders(),
            BeaconState::previousEpochPendingShardHeaders),
        field(
            "currentEpochPendingShardHeaders",
            s.pendingShardHeaders(),
            BeaconState::currentEpochPendingShardHeaders),
        field("pendingDeposits", s.pendingDeposits(), BeaconState::pendingDeposits),
        field("pendingWithdrawals", s.pendingWithdrawals(), BeaconState::pendingWithdrawals),
        field("nextWithdrawalIndex", SszTypes.UINT64, BeaconState::nextWithdrawalIndex),
        field(
            "stakingReceiptCursors",
            s.stakingReceiptCursors(),
            BeaconState::stakingReceiptCursors));
  }

  /**
   * The state with every field at its default (see {@link BeaconSchemas#emptyBeaconState()}); the
   * fork is the genesis fork of the config.
   */
  public static BeaconState empty(BeaconSchemas s) {
    SpecConfig config = s.config();
    List<Crosslink> crosslinks = new ArrayList<>(config.shardCount());
    for (int shard = 0; shard < config.shardCount(); shard++) {
      crosslinks.add(Crosslink.genesis(ShardId.of(shard)));
    }
    BeaconBlockHeader zeroHeader =
        new BeaconBlockHeader(
            Slot.ZERO, ValidatorIndex.ZERO, Bytes32.ZERO, Bytes32.ZERO, Bytes32.ZERO);
    return new MutableBeaconState(s)
        .setGenesisTime(UInt64.ZERO)
        .setGenesisValidatorsRoot(Bytes32.ZERO)
        .setSlot(Slot.ZERO)
        .setFork(Fork.genesis(config.genesisForkVersion()))
        .setLatestBlockHeader(zeroHeader)
        .setBlockRoots(s.blockRoots().of(nCopies(config.slotsPerHistoricalRoot(), Bytes32.ZERO)))
        .setStateRoots(s.stateRoots().of(nCopies(config.slotsPerHistoricalRoot(), Bytes32.ZERO)))
        .setHistoricalRoots(s.historicalRoots().empty())
        .setValidators(s.validators().empty())
        .setBalances(s.balances().empty())
        .setRandaoMixes(
            s.randaoMixes().of(nCopies(config.epochsPerHistoricalVector(), Bytes32.ZERO)))
        .setSlashings(s.slashings().of(nCopies(config.epochsPerSlashingsVector(), Gwei.ZERO)))
        .setPreviousEpochParticipation(s.participation().empty())
        .setCurrentEpochParticipation(s.participation().empty())
        .setJustificationBits(Bits.zeros(BeaconSchemas.JUSTIFICATION_BITS_LENGTH))
        .setPreviousJustifiedCheckpoint(Checkpoint.GENESIS)
        .setCurrentJustifiedCheckpoint(Checkpoint.GENESIS)
        .setFinalizedCheckpoint(Checkpoint.GENESIS)
        .setInactivityScores(s.inactivityScores().empty())
        .setLatestCrosslinks(s.latestCrosslinks().of(crosslinks))
        .setPreviousEpochPendingShardHeaders(s.pendingShardHeaders().empty())
        .setCurrentEpochPendingShardHeaders(s.pendingShardHeaders().empty())
        .setPendingDeposits(s.pendingDeposits().empty())
        .setPendingWithdrawals(s.pendingWithdrawals().empty())
        .setNextWithdrawalIndex(UInt64.ZERO)
        .setStakingReceiptCursors(
            s.stakingReceiptCursors().of(nCopies(config.shardCount(), UInt64.ZERO)))
        .snapshot();
  }

  @SuppressWarnings("unchecked")
  private static BeaconState fromValues(BeaconSchemas s, Object[] v) {
    MutableBeaconState m = new MutableBeaconState(s);
    m.setGenesisTime((UInt64) v[0]);
    m.setGenesisValidatorsRoot((Bytes32) v[1]);
    m.setSlot((Slot) v[2]);
    m.setFork((Fork) v[3]);
    m.setLatestBlockHeader((BeaconBlockHeader) v[4]);
    m.setBlockRoots((VectorView<Bytes32>) v[5]);
    m.setStateRoots((VectorView<Bytes32>) v[6]);
    m.setHistoricalRoots((ListView<Bytes32>) v[7]);
    m.setValidators((ListView<Validator>) v[8]);
    m.setBalances((ListView<Gwei>) v[9]);
    m.setRandaoMixes((VectorView<Bytes32>) v[10]);
    m.setSlashings((VectorView<Gwei>) v[11]);
    m.setPreviousEpochParticipation((ListView<Integer>) v[12]);
    m.setCurrentEpochParticipation((ListView<Integer>) v[13]);
    m.setJustificationBits((Bits) v[14]);
    m.setPreviousJustifiedCheckpoint((Checkpoint) v[15]);
    m.setCurrentJustifiedCheckpoint((Checkpoint) v[16]);
    m.setFinalizedCheckpoint((Checkpoint) v[17]);
    m.setInactivityScores((ListView<UInt64>) v[18]);
    m.setLatestCrosslinks((VectorView<Crosslink>) v[19]);
    m.setPreviousEpochPendingShardHeaders((ListView<PendingShardHeader>) v[20]);
    m.setCurrentEpochPendingShardHeaders((ListView<PendingShardHeader>) v[21]);
    m.setPendingDeposits((ListView<PendingDeposit>) v[22]);
    m.setPendingWithdrawals((ListView<PendingWithdrawal>) v[23]);
    m.setNextWithdrawalIndex((UInt64) v[24]);
    m.setStakingReceiptCursors((VectorView<UInt64>) v[25]);
    return m.snapshot();
  }
}
