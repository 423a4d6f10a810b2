package io.basalt.beacon.datastructures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.beacon.datastructures.blocks.BeaconBlock;
import io.basalt.beacon.datastructures.blocks.BeaconBlockBody;
import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlock;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlockHeader;
import io.basalt.beacon.datastructures.operations.AggregateAndProof;
import io.basalt.beacon.datastructures.operations.AttesterSlashing;
import io.basalt.beacon.datastructures.operations.Deposit;
import io.basalt.beacon.datastructures.operations.DepositData;
import io.basalt.beacon.datastructures.operations.DepositMessage;
import io.basalt.beacon.datastructures.operations.ProposerSlashing;
import io.basalt.beacon.datastructures.operations.SignedAggregateAndProof;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.operations.VoluntaryExit;
import io.basalt.beacon.datastructures.shard.Crosslink;
import io.basalt.beacon.datastructures.shard.PendingShardHeader;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.datastructures.shard.StakingReceipt;
import io.basalt.beacon.datastructures.shard.StakingReceiptProof;
import io.basalt.beacon.schemas.BeaconSchemas;
import io.basalt.beacon.state.PendingDeposit;
import io.basalt.beacon.state.PendingWithdrawal;
import io.basalt.beacon.state.Validator;
import io.basalt.beacon.testing.TestStates;
import io.basalt.common.crypto.Hash;
import io.basalt.common.ssz.Bits;
import io.basalt.common.ssz.SszDecodingException;
import io.basalt.common.ssz.SszSchema;
import io.basalt.common.types.Address;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.consensus.types.IndexedAttestation;
import java.math.BigInteger;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;
import org.junit.jupiter.api.Test;

/** Every beacon container: encode, decode, re-encode, and the root survives a tree round trip. */
class ContainerRoundTripTest {

  private static final BeaconSchemas SCHEMAS = new BeaconSchemas(TestStates.LOCAL);
  private static final Bytes SIG = Bytes.wrap(new byte[96]).or(Bytes.fromHexString("0xaa"));
  private static final Bytes48 KEY = Bytes48.wrap(Bytes.repeat((byte) 0x11, 48));
  private static final Address ADDRESS =
      Address.fromHexString("0x00112233445566778899aabbccddeeff00112233");

  private static <T> void assertRoundTrip(SszSchema<T> schema, T value) {
    Bytes encoded = schema.serialize(value);
    T decoded = schema.deserialize(encoded);
    assertThat(decoded).isEqualTo(value);
    assertThat(schema.serialize(decoded)).isEqualTo(encoded);
    assertThat(schema.hashTreeRoot(schema.fromTree(schema.toTree(value))))
        .isEqualTo(schema.hashTreeRoot(value));
    if (schema.isFixedSize()) {
      assertThat(encoded.size()).isEqualTo(schema.fixedSize());
    }
  }

  static BeaconBlockHeader header(int seed) {
    return new BeaconBlockHeader(
        Slot.of(seed),
        ValidatorIndex.of(seed + 1),
        Bytes32.repeat((byte) seed),
        Bytes32.repeat((byte) (seed + 1)),
        Bytes32.repeat((byte) (seed + 2)));
  }

  static AttestationData data(long target) {
    return new AttestationData(
        Slot.of(target * 8),
        ShardId.of(2),
        Bytes32.repeat((byte) 3),
        new Checkpoint(Epoch.of(target - 1), Bytes32.repeat((byte) 4)),
        new Checkpoint(Epoch.of(target), Bytes32.repeat((byte) 5)),
        Bytes32.repeat((byte) 6));
  }

  static ShardBlockHeader shardHeader() {
    return new ShardBlockHeader(
        ShardId.of(3),
        Slot.of(9),
        ValidatorIndex.of(7),
        Bytes32.repeat((byte) 1),
        Bytes32.repeat((byte) 2),
        Bytes32.repeat((byte) 3),
        Bytes32.repeat((byte) 4),
        Bytes32.repeat((byte) 5),
        Bytes32.repeat((byte) 6),
        UInt64.valueOf(21_000),
        UInt64.valueOf(30_000_000),
        BigInteger.TEN.pow(30),
        ADDRESS);
  }

  static DepositData depositData() {
    return new DepositData(
        KEY, DepositData.withdrawalCredentials(ADDRESS), Gwei.of(32_000_000_000L), SIG);
  }

  static StakingReceiptProof stakingReceiptProof() {
    StakingReceipt receipt =
        new StakingReceipt(
            ShardId.of(1),
            UInt64.valueOf(4),
            KEY,
            ADDRESS,
            Gwei.of(32_000_000_000L),
            SIG,
            ADDRESS,
            Bytes32.repeat((byte) 7));
    return new StakingReceiptProof(
        receipt, List.of(Bytes32.repeat((byte) 8), Bytes32.repeat((byte) 9)));
  }

  @Test
  void headerRootShouldBeTheMerkleRootOfItsFiveFieldChunks() {
    BeaconBlockHeader header = header(1);
    Bytes32[] chunks = {
      Bytes32.rightPad(Bytes.fromHexString("0x0100000000000000")),
      Bytes32.rightPad(Bytes.fromHexString("0x0200000000000000")),
      header.parentRoot(),
      header.stateRoot(),
      header.bodyRoot()
    };
    Bytes32 zero = Bytes32.ZERO;
    Bytes32 a = Hash.sha256(Bytes.concatenate(chunks[0], chunks[1]));
    Bytes32 b = Hash.sha256(Bytes.concatenate(chunks[2], chunks[3]));
    Bytes32 c = Hash.sha256(Bytes.concatenate(chunks[4], zero));
    Bytes32 d = Hash.sha256(Bytes.concatenate(zero, zero));
    Bytes32 expected =
        Hash.sha256(
            Bytes.concatenate(
                Hash.sha256(Bytes.concatenate(a, b)), Hash.sha256(Bytes.concatenate(c, d))));
    assertThat(header.hashTreeRoot()).isEqualTo(expected);
  }

  @Test
  void blockContainersShouldRoundTrip() {
    assertRoundTrip(BeaconBlockHeader.SSZ, header(1));
    assertRoundTrip(SignedBeaconBlockHeader.SSZ, new SignedBeaconBlockHeader(header(2), SIG));
    BeaconBlockBody body = fullBody();
    assertRoundTrip(SCHEMAS.beaconBlockBody(), body);
    BeaconBlock block =
        new BeaconBlock(
            Slot.of(5), ValidatorIndex.of(3), Bytes32.repeat((byte) 1), Bytes32.ZERO, body);
    assertRoundTrip(SCHEMAS.beaconBlock(), block);
    assertRoundTrip(SCHEMAS.signedBeaconBlock(), new SignedBeaconBlock(block, SIG));
    assertThat(SCHEMAS.blockHeader(block).hashTreeRoot())
        .isEqualTo(SCHEMAS.beaconBlock().hashTreeRoot(block));
  }

  private static BeaconBlockBody fullBody() {
    IndexedAttestation indexed1 =
        new IndexedAttestation(List.of(ValidatorIndex.of(1), ValidatorIndex.of(4)), data(3), SIG);
    IndexedAttestation indexed2 =
        new IndexedAttestation(
            List.of(ValidatorIndex.of(4)),
            new AttestationData(
                data(3).slot(),
                data(3).shard(),
                Bytes32.repeat((byte) 9),
                data(3).source(),
                data(3).target(),
                data(3).shardHeadRoot()),
            SIG);
    return new BeaconBlockBody(
        SIG,
        Bytes32.rightPad(Bytes.wrap("basalt".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
        List.of(
            new ProposerSlashing(
                new SignedBeaconBlockHeader(header(1), SIG),
                new SignedBeaconBlockHeader(header(2), SIG))),
        List.of(new AttesterSlashing(indexed1, indexed2)),
        List.of(new Attestation(Bits.of(true, false, true, true), data(2), SIG)),
        List.of(new Deposit(depositData())),
        List.of(new SignedVoluntaryExit(new VoluntaryExit(Epoch.of(9), ValidatorIndex.of(2)), SIG)),
        List.of(new SignedShardBlockHeader(shardHeader(), SIG)),
        List.of(stakingReceiptProof()));
  }

  @Test
  void operationsShouldRoundTrip() {
    assertRoundTrip(
        ProposerSlashing.SSZ,
        new ProposerSlashing(
            new SignedBeaconBlockHeader(header(1), SIG),
            new SignedBeaconBlockHeader(header(2), SIG)));
    assertRoundTrip(VoluntaryExit.SSZ, new VoluntaryExit(Epoch.of(1), ValidatorIndex.of(2)));
    assertRoundTrip(
        SignedVoluntaryExit.SSZ,
        new SignedVoluntaryExit(new VoluntaryExit(Epoch.of(1), ValidatorIndex.of(2)), SIG));
    assertRoundTrip(DepositData.SSZ, depositData());
    assertRoundTrip(DepositMessage.SSZ, depositData().message());
    assertRoundTrip(Deposit.SSZ, new Deposit(depositData()));
    Attestation aggregate = new Attestation(Bits.of(true, true), data(4), SIG);
    AggregateAndProof aap = new AggregateAndProof(ValidatorIndex.of(8), aggregate, SIG);
    assertRoundTrip(SCHEMAS.aggregateAndProof(), aap);
    assertRoundTrip(SCHEMAS.signedAggregateAndProof(), new SignedAggregateAndProof(aap, SIG));
    IndexedAttestation indexed =
        new IndexedAttestation(List.of(ValidatorIndex.of(1)), data(3), SIG);
    assertRoundTrip(SCHEMAS.attesterSlashing(), new AttesterSlashing(indexed, indexed));
  }

  @Test
  void shardContainersShouldRoundTrip() {
    assertRoundTrip(ShardBlockHeader.SSZ, shardHeader());
    assertRoundTrip(SignedShardBlockHeader.SSZ, new SignedShardBlockHeader(shardHeader(), SIG));
    Crosslink crosslink = shardHeader().toCrosslink();
    assertThat(crosslink.shardBlockRoot()).isEqualTo(shardHeader().hashTreeRoot());
    assertThat(crosslink.receiptsRoot()).isEqualTo(shardHeader().receiptsRoot());
    assertRoundTrip(Crosslink.SSZ, crosslink);
    assertRoundTrip(
        SCHEMAS.pendingShardHeader(),
        new PendingShardHeader(crosslink, Bits.of(true, false, true), Gwei.of(64_000_000_000L)));
    assertRoundTrip(StakingReceiptProof.SSZ, stakingReceiptProof());
  }

  @Test
  void stakingReceiptProofWithTooLongABranchShouldNotEncode() {
    StakingReceiptProof proof =
        new StakingReceiptProof(
            stakingReceiptProof().receipt(),
            java.util.Collections.nCopies(StakingReceiptProof.MAX_BRANCH_LENGTH + 1, Bytes32.ZERO));
    assertThatThrownBy(() -> StakingReceiptProof.SSZ.serialize(proof))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stateElementsShouldRoundTrip() {
    assertRoundTrip(
        Validator.SSZ,
        new Validator(
            KEY,
            DepositData.withdrawalCredentials(ADDRESS),
            Gwei.of(32_000_000_000L),
            true,
            Epoch.ZERO,
            Epoch.of(1),
            Epoch.of(5),
            Validator.FAR_FUTURE_EPOCH));
    PendingDeposit pending = new PendingDeposit(KEY, ADDRESS, Gwei.of(5), SIG);
    assertRoundTrip(PendingDeposit.SSZ, pending);
    assertThat(pending.toDepositData().withdrawalCredentials())
        .isEqualTo(
            Bytes32.fromHexString(
                "0x01000000000000000000000000112233445566778899aabbccddeeff00112233"));
    assertRoundTrip(
        PendingWithdrawal.SSZ,
        new PendingWithdrawal(UInt64.valueOf(3), ValidatorIndex.of(9), ADDRESS, Gwei.of(7)));
  }

  @Test
  void validatorShouldExposeItsWithdrawalAddress() {
    Validator validator =
        new Validator(
            KEY,
            DepositData.withdrawalCredentials(ADDRESS),
            Gwei.ZERO,
            false,
            Epoch.ZERO,
            Epoch.ZERO,
            Validator.FAR_FUTURE_EPOCH,
            Validator.FAR_FUTURE_EPOCH);
    assertThat(validator.withdrawalAddress()).isEqualTo(ADDRESS);
  }

  @Test
  void bodyOverItsShardHeaderLimitShouldNotEncode() {
    int limit = TestStates.LOCAL.shardCount() * BeaconSchemas.MAX_SHARD_HEADERS_PER_SHARD;
    List<SignedShardBlockHeader> tooMany =
        java.util.Collections.nCopies(limit + 1, new SignedShardBlockHeader(shardHeader(), SIG));
    BeaconBlockBody body =
        new BeaconBlockBody(
            SIG,
            Bytes32.ZERO,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            tooMany,
            List.of());
    assertThatThrownBy(() -> SCHEMAS.beaconBlockBody().serialize(body))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void truncatedBlockShouldFailWithADecodingError() {
    Bytes encoded =
        SCHEMAS
            .beaconBlock()
            .serialize(
                new BeaconBlock(
                    Slot.of(1), ValidatorIndex.ZERO, Bytes32.ZERO, Bytes32.ZERO, fullBody()));
    assertThatThrownBy(
            () -> SCHEMAS.beaconBlock().deserialize(encoded.slice(0, encoded.size() - 3)))
        .isInstanceOf(SszDecodingException.class);
  }
}
