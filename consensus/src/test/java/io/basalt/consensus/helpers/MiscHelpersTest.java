package io.basalt.consensus.helpers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.common.crypto.Hash;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.Slot;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfigLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/**
 * Expected values come from the phase0 pyspec functions run by hand on the same inputs (seed =
 * sha256("basalt"), validators 100..109), except where the comment derives them.
 */
class MiscHelpersTest {

  private static final Bytes32 SEED =
      Hash.sha256(Bytes.wrap("basalt".getBytes(StandardCharsets.US_ASCII)));
  private static final Gwei FULL = Gwei.of(32_000_000_000L);
  private static final Gwei ONE_COIN = Gwei.of(1_000_000_000L);

  private final MiscHelpers local = new MiscHelpers(SpecConfigLoader.load("local"));
  private final MiscHelpers mainnet = new MiscHelpers(SpecConfigLoader.load("mainnet"));
  private final List<ValidatorIndex> validators =
      IntStream.range(100, 110).mapToObj(ValidatorIndex::of).toList();

  @Test
  void shouldShuffleIndexAsThePyspec() {
    assertThat(local.computeShuffledIndex(0, 10, SEED)).isEqualTo(9);
    // Positions 255 and 256 read different source hashes.
    assertThat(
            IntStream.of(0, 1, 255, 256, 999)
                .map(i -> mainnet.computeShuffledIndex(i, 1000, SEED))
                .toArray())
        .containsExactly(103, 976, 509, 553, 575);
  }

  @Test
  void shouldKeepTheOnlyIndexOfAListOfOne() {
    assertThat(mainnet.computeShuffledIndex(0, 1, SEED)).isZero();
  }

  @Test
  void shouldRejectIndexOutsideTheList() {
    assertThatThrownBy(() -> local.computeShuffledIndex(10, 10, SEED))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Index 10 is outside a list of 10 to shuffle");
    assertThatThrownBy(() -> local.computeShuffledIndex(0, 0, SEED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> local.computeShuffledIndex(-1, 10, SEED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldLeaveTheInputOfShuffleListUnchanged() {
    int[] input = IntStream.range(0, 50).toArray();

    int[] shuffled = local.shuffleList(input, SEED);

    assertThat(input).isEqualTo(IntStream.range(0, 50).toArray());
    assertThat(shuffled).isNotEqualTo(input).containsExactlyInAnyOrder(input);
  }

  @Test
  void shouldSliceTheShuffledListIntoCommittees() {
    assertThat(local.computeCommittee(validators, SEED, 0, 3)).isEqualTo(ids(109, 102, 100));
    assertThat(local.computeCommittee(validators, SEED, 1, 3)).isEqualTo(ids(106, 101, 105));
    assertThat(local.computeCommittee(validators, SEED, 2, 3)).isEqualTo(ids(108, 104, 107, 103));
  }

  @Test
  void committeesShouldConcatenateToTheShuffledList() {
    int[] raw = validators.stream().mapToInt(ValidatorIndex::intValue).toArray();
    int[] shuffled = mainnet.shuffleList(raw, SEED);

    List<ValidatorIndex> concatenated = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      concatenated.addAll(mainnet.computeCommittee(validators, SEED, c, 4));
    }

    assertThat(concatenated.stream().mapToInt(ValidatorIndex::intValue).toArray())
        .isEqualTo(shuffled);
  }

  @Test
  void shouldGiveEmptyCommitteesWhenThereAreMoreCommitteesThanValidators() {
    assertThat(local.computeCommittee(validators.subList(0, 1), SEED, 0, 4)).isEmpty();
    assertThat(local.computeCommittee(validators.subList(0, 1), SEED, 3, 4)).hasSize(1);
  }

  @Test
  void shouldRejectACommitteeThatDoesNotExist() {
    assertThatThrownBy(() -> local.computeCommittee(validators, SEED, 3, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Committee 3 does not exist among 3 committees");
    assertThatThrownBy(() -> local.computeCommittee(validators, SEED, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldTakeTheFirstShuffledCandidateWhenAllBalancesAreFull() {
    // balance * 255 >= MAX_EFFECTIVE_BALANCE * random_byte holds for every byte at full balance,
    // so the proposer is validators[computeShuffledIndex(0)] = validators[9].
    ValidatorIndex proposer = local.computeProposerIndex(validators, SEED, v -> FULL);

    assertThat(proposer).isEqualTo(ValidatorIndex.of(109));
  }

  @Test
  void shouldWeightProposersByEffectiveBalance() {
    Function<ValidatorIndex, Gwei> oneFull = v -> v.intValue() == 107 ? FULL : ONE_COIN;
    Function<ValidatorIndex, Gwei> onlyOne = v -> v.intValue() == 103 ? FULL : Gwei.ZERO;
    Function<ValidatorIndex, Gwei> graded = v -> ONE_COIN.times(3L * (v.intValue() - 99));

    assertThat(local.computeProposerIndex(validators, SEED, oneFull))
        .isEqualTo(ValidatorIndex.of(101));
    assertThat(local.computeProposerIndex(validators, SEED, onlyOne))
        .isEqualTo(ValidatorIndex.of(103));
    assertThat(local.computeProposerIndex(validators, SEED, graded))
        .isEqualTo(ValidatorIndex.of(101));
    assertThat(mainnet.computeProposerIndex(validators, SEED, graded))
        .isEqualTo(ValidatorIndex.of(106));
  }

  @Test
  void shouldRejectProposerSelectionWithoutValidatorsOrBalances() {
    assertThatThrownBy(() -> local.computeProposerIndex(List.of(), SEED, v -> FULL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot choose a proposer from no validators");
    Map<ValidatorIndex, Gwei> none = Map.of();
    assertThatThrownBy(() -> local.computeProposerIndex(validators, SEED, none::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("No effective balance for validator");
  }

  private static List<ValidatorIndex> ids(int... values) {
    return IntStream.of(values).mapToObj(ValidatorIndex::of).toList();
  }

  @Test
  void shouldMapSlotsToEpochsAndBack() {
    assertThat(local.computeEpochAtSlot(Slot.of(15))).isEqualTo(Epoch.of(1));
    assertThat(local.computeEpochAtSlot(Slot.of(16))).isEqualTo(Epoch.of(2));
    assertThat(local.computeStartSlotAtEpoch(Epoch.of(2))).isEqualTo(Slot.of(16));
    assertThat(mainnet.computeStartSlotAtEpoch(Epoch.of(2))).isEqualTo(Slot.of(64));
  }

  @Test
  void activationExitEpochShouldBeOnePlusMaxSeedLookaheadLater() {
    assertThat(local.computeActivationExitEpoch(Epoch.of(3))).isEqualTo(Epoch.of(8));
  }

  @Test
  void uintToBytesShouldBeLittleEndian() {
    assertThat(MiscHelpers.uintToBytes(io.basalt.common.types.UInt64.valueOf(0x0102)))
        .isEqualTo(Bytes.fromHexString("0x0201000000000000"));
  }

  @Test
  void integerSquareRootShouldBeTheFloorOfTheRootEvenWhereDoublesRound() {
    assertThat(MiscHelpers.integerSquareRoot(0)).isZero();
    assertThat(MiscHelpers.integerSquareRoot(15)).isEqualTo(3);
    assertThat(MiscHelpers.integerSquareRoot(16)).isEqualTo(4);
    // The largest root of a long, squared, and one below it: a double square root is not exact.
    long root = 3_037_000_499L;
    assertThat(MiscHelpers.integerSquareRoot(root * root)).isEqualTo(root);
    assertThat(MiscHelpers.integerSquareRoot(root * root - 1)).isEqualTo(root - 1);
    assertThat(MiscHelpers.integerSquareRoot(Long.MAX_VALUE)).isEqualTo(3_037_000_499L);
    assertThatThrownBy(() -> MiscHelpers.integerSquareRoot(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
