package io.basalt.execution.settlement;

import static io.basalt.execution.settlement.SettlementHarness.CHAIN_ID;
import static io.basalt.execution.settlement.SettlementHarness.ETHER;
import static io.basalt.execution.settlement.SettlementHarness.SHARD;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/** BLS quorum and committee rules: thresholds, bitmaps, domains, proofs of possession, updates. */
class SettlementQuorumTest {

  private final RollupScenario s = new RollupScenario();
  private final SettlementHarness h = s.h;

  private BatchHeader first() {
    return s.header(Bytes32.ZERO, 5, List.of(), 0);
  }

  private Bytes32 digest(long chainId, int shard, long rollupId, BatchHeader header) {
    return SettlementDigests.commitDigest(chainId, shard, rollupId, header.batchHash(rollupId, 0));
  }

  private void commitReverts(Committee.Signed signed, String reason) {
    h.reverts(
        1, SettlementAbi.COMMIT_BATCH, s.commitArgs(0, first(), signed), BigInteger.ZERO, reason);
  }

  @Test
  void shouldAcceptExactlyTheThresholdWeightAndRefuseOneLess() {
    h.reverts(
        1,
        SettlementAbi.COMMIT_BATCH,
        s.commitArgs(0, first(), 0, 3), // 1 + 4 = 5
        BigInteger.ZERO,
        "operator signers' weight 5 is below the threshold 6");
    h.ok(1, SettlementAbi.COMMIT_BATCH, s.commitArgs(0, first(), 0, 1, 2), BigInteger.ZERO); // 6
  }

  @Test
  void shouldRefuseBitmapsOfTheWrongLengthOrWithStrayBits() {
    Committee.Signed good = s.operators.sign(digest(CHAIN_ID, SHARD, s.rollupId, first()), 2, 3);
    commitReverts(
        new Committee.Signed(Bytes.concatenate(good.bitmap(), Bytes.of(0)), good.signature()),
        "operator bitmap is 2 bytes; 4 members need 1");
    commitReverts(
        new Committee.Signed(Bytes.EMPTY, good.signature()), "operator bitmap is 0 bytes");
    commitReverts(
        new Committee.Signed(Bytes.of(good.bitmap().get(0) | 0x10), good.signature()),
        "operator bitmap sets bits past the last member");
    commitReverts(
        new Committee.Signed(Bytes.of(0), good.signature()), "operator bitmap names no signer");
  }

  @Test
  void shouldRefuseSignaturesFromOtherDomainsOrOtherSigners() {
    commitReverts(
        s.operators.sign(digest(CHAIN_ID + 1, SHARD, s.rollupId, first()), 2, 3),
        "operator aggregate signature does not verify");
    commitReverts(
        s.operators.sign(digest(CHAIN_ID, SHARD + 1, s.rollupId, first()), 2, 3),
        "operator aggregate signature does not verify");
    commitReverts(
        s.operators.sign(digest(CHAIN_ID, SHARD, s.rollupId + 1, first()), 2, 3),
        "operator aggregate signature does not verify");
    // Signed by 1 and 3 but the bitmap claims 2 and 3.
    Committee.Signed other = s.operators.sign(digest(CHAIN_ID, SHARD, s.rollupId, first()), 1, 3);
    Committee.Signed claimed = s.operators.sign(digest(CHAIN_ID, SHARD, s.rollupId, first()), 2, 3);
    commitReverts(
        new Committee.Signed(claimed.bitmap(), other.signature()),
        "operator aggregate signature does not verify");
    commitReverts(
        new Committee.Signed(claimed.bitmap(), Bytes.repeat((byte) 0x11, 96)),
        "operator signature is not a valid BLS signature");
  }

  @Test
  void shouldRefuseACommitThatBreaksTheChain() {
    h.reverts(
        1,
        SettlementAbi.COMMIT_BATCH,
        s.commitArgs(1, first(), 2, 3),
        BigInteger.ZERO,
        "batch index 1 is not the next index 0");
    BatchHeader orphan =
        new BatchHeader(Bytes32.repeat((byte) 1), 1, 5, Bytes32.ZERO, Bytes32.ZERO, Bytes32.ZERO);
    h.reverts(
        1,
        SettlementAbi.COMMIT_BATCH,
        s.commitArgs(0, orphan, 2, 3),
        BigInteger.ZERO,
        "is not the last non-reverted batch's hash");
    Bytes32 parent = s.commit(0, first());
    BatchHeader gap = new BatchHeader(parent, 7, 9, Bytes32.ZERO, Bytes32.ZERO, Bytes32.ZERO);
    h.reverts(
        1,
        SettlementAbi.COMMIT_BATCH,
        s.commitArgs(1, gap, 2, 3),
        BigInteger.ZERO,
        "l2StartBlock 7 does not follow the parent batch's l2EndBlock 5");
    BatchHeader backwards = new BatchHeader(parent, 6, 5, Bytes32.ZERO, Bytes32.ZERO, Bytes32.ZERO);
    h.reverts(
        1,
        SettlementAbi.COMMIT_BATCH,
        s.commitArgs(1, backwards, 2, 3),
        BigInteger.ZERO,
        "l2StartBlock is after l2EndBlock");
    List<Object> unknown = new ArrayList<>(s.commitArgs(1, first(), 2, 3));
    unknown.set(0, BigInteger.valueOf(7));
    h.reverts(1, SettlementAbi.COMMIT_BATCH, unknown, BigInteger.ZERO, "rollup 7 does not exist");
  }

  @Test
  void shouldRefuseRegistrationsWithWeakThresholdsOrBadKeys() {
    Committee half = new Committee(0, List.of(1L, 2L, 3L, 4L), 5);
    registerReverts(half, "operator threshold 5 is not above half of the total weight 10");
    registerReverts(
        new Committee(0, List.of(1L, 2L, 3L, 4L), 11),
        "operator threshold 11 exceeds the total weight 10");
    registerReverts(new Committee(0, List.of(1L, 0L, 3L), 3), "operator weight 1 is zero");

    List<Object> args =
        new ArrayList<>(RollupScenario.registerArgs(s.operators, s.challengers, 16));
    List<Bytes> keys = new ArrayList<>(s.operators.pubkeys());
    keys.set(2, keys.get(1));
    args.set(1, keys);
    registerReverts(args, "duplicate operator key at index 2");

    args = new ArrayList<>(RollupScenario.registerArgs(s.operators, s.challengers, 16));
    args.set(3, s.operators.pops().subList(0, 3));
    registerReverts(args, "operator set has 4 keys but 3 proofs of possession");

    args = new ArrayList<>(RollupScenario.registerArgs(s.operators, s.challengers, 16));
    List<Bytes> pops = new ArrayList<>(s.operators.pops());
    pops.set(0, pops.get(1)); // a proof for another key: what a rogue-key attacker cannot make
    args.set(3, pops);
    registerReverts(args, "operator key 0 has an invalid proof of possession");

    args = new ArrayList<>(RollupScenario.registerArgs(s.operators, s.challengers, 16));
    keys = new ArrayList<>(s.operators.pubkeys());
    keys.set(3, Bytes.repeat((byte) 0x11, 48));
    args.set(1, keys);
    registerReverts(args, "operator key 3 is not a valid BLS key or proof");

    registerReverts(
        RollupScenario.registerArgs(s.operators, new Committee(10, List.of(1L, 1L), 1), 16),
        "challenger threshold 1 is not above half of the total weight 2");
    registerReverts(
        RollupScenario.registerArgs(s.operators, s.challengers, 15),
        "challenge period 15 is outside 16..4294967296 slots");
  }

  private void registerReverts(Committee operators, String reason) {
    registerReverts(RollupScenario.registerArgs(operators, s.challengers, 16), reason);
  }

  private void registerReverts(List<Object> args, String reason) {
    h.reverts(2, SettlementAbi.REGISTER_ROLLUP, args, ETHER, reason);
  }

  @Test
  void shouldReplaceOperatorsOnlyWithAQuorumAndTheCurrentNonce() {
    Committee next = new Committee(20, List.of(5L, 5L, 5L), 8);
    h.reverts(
        1,
        SettlementAbi.UPDATE_OPERATORS,
        updateArgs(next, 1, 2, 3),
        BigInteger.ZERO,
        "operator update nonce 1 is not the expected 0");
    h.reverts(
        1,
        SettlementAbi.UPDATE_OPERATORS,
        updateArgs(next, 0, 0, 3),
        BigInteger.ZERO,
        "operator signers' weight 5 is below the threshold 6");

    h.ok(1, SettlementAbi.UPDATE_OPERATORS, updateArgs(next, 0, 2, 3), BigInteger.ZERO);
    // A replay of the same update is refused: the nonce moved on.
    h.reverts(
        1,
        SettlementAbi.UPDATE_OPERATORS,
        updateArgs(next, 0, 2, 3),
        BigInteger.ZERO,
        "operator update nonce 0 is not the expected 1");

    h.reverts(
        1,
        SettlementAbi.COMMIT_BATCH,
        s.commitArgs(0, first(), 2, 3),
        BigInteger.ZERO,
        "operator bitmap sets bits past the last member");
    Committee.Signed signed = next.sign(digest(CHAIN_ID, SHARD, s.rollupId, first()), 0, 2);
    h.ok(1, SettlementAbi.COMMIT_BATCH, s.commitArgs(0, first(), signed), BigInteger.ZERO);
    List<Object> rollup = h.view(SettlementAbi.GET_ROLLUP, List.of(BigInteger.valueOf(s.rollupId)));
    assertThat(rollup.subList(1, 4))
        .containsExactly(BigInteger.valueOf(8), BigInteger.valueOf(3), BigInteger.ONE);
  }

  private List<Object> updateArgs(Committee next, long nonce, int... signers) {
    Bytes32 digest =
        SettlementDigests.operatorsDigest(CHAIN_ID, SHARD, s.rollupId, nonce, next.weighted());
    Committee.Signed signed = s.operators.sign(digest, signers);
    return List.of(
        BigInteger.valueOf(s.rollupId),
        BigInteger.valueOf(nonce),
        next.pubkeys(),
        next.abiWeights(),
        next.pops(),
        BigInteger.valueOf(next.threshold),
        signed.bitmap(),
        signed.signature());
  }
}
