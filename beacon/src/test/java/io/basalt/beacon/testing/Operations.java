package io.basalt.beacon.testing;

import io.basalt.beacon.datastructures.blocks.BeaconBlockHeader;
import io.basalt.beacon.datastructures.blocks.SignedBeaconBlockHeader;
import io.basalt.beacon.datastructures.operations.DepositData;
import io.basalt.beacon.datastructures.operations.DepositMessage;
import io.basalt.beacon.datastructures.operations.SignedVoluntaryExit;
import io.basalt.beacon.datastructures.operations.VoluntaryExit;
import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.datastructures.shard.SignedShardBlockHeader;
import io.basalt.beacon.genesis.InteropDeposits;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.state.PendingDeposit;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsSecretKey;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.ssz.Bits;
import io.basalt.common.types.Address;
import io.basalt.common.types.Epoch;
import io.basalt.common.types.Gwei;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.common.types.UInt64;
import io.basalt.common.types.ValidatorIndex;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import io.basalt.consensus.types.Attestation;
import io.basalt.consensus.types.AttestationData;
import io.basalt.consensus.types.Checkpoint;
import io.basalt.consensus.types.IndexedAttestation;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.tuweni.bytes.Bytes32;
import org.apache.tuweni.bytes.Bytes48;

/** Signed operations made by interop validators, valid unless a test changes them. */
public final class Operations {

  private final SpecConfig config;
  private final BeaconStateAccessors accessors;
  private final InteropSigner signer;
  private final SigningHelpers signing = new SigningHelpers();

  public Operations(SpecConfig config, BeaconStateAccessors accessors, InteropSigner signer) {
    this.config = config;
    this.accessors = accessors;
    this.signer = signer;
  }

  /**
   * The data the committee of {@code (slot, shard)} votes for, read from {@code state}, which must
   * be after {@code slot} (its head at {@code slot} is the beacon block root).
   */
  public AttestationData attestationData(
      BeaconState state, Slot slot, ShardId shard, Bytes32 shardHeadRoot) {
    Epoch epoch = accessors.misc().computeEpochAtSlot(slot);
    Checkpoint source =
        epoch.equals(accessors.getCurrentEpoch(state))
            ? state.currentJustifiedCheckpoint()
            : state.previousJustifiedCheckpoint();
    return new AttestationData(
        slot,
        shard,
        accessors.getBlockRootAtSlot(state, slot),
        source,
        new Checkpoint(epoch, accessors.getBlockRoot(state, epoch)),
        shardHeadRoot);
  }

  /** An aggregate of the committee members at the positions {@code members} accepts. */
  public Attestation attestation(BeaconState state, AttestationData data, IntPredicate members) {
    List<ValidatorIndex> committee = accessors.getBeaconCommittee(state, data.slot(), data.shard());
    Bits bits = Bits.zeros(committee.size());
    List<ValidatorIndex> signers = new ArrayList<>();
    for (int i = 0; i < committee.size(); i++) {
      if (members.test(i)) {
        bits = bits.with(i, true);
        signers.add(committee.get(i));
      }
    }
    return new Attestation(
        bits, data, signer.signAggregate(signers, attesterRoot(state, data)).toBytes());
  }

  /** The whole committee's aggregate for {@code data}. */
  public Attestation fullAttestation(BeaconState state, AttestationData data) {
    return attestation(state, data, i -> true);
  }

  /** An indexed attestation of {@code indices} (sorted here) over {@code data}, signed by them. */
  public IndexedAttestation indexedAttestation(
      BeaconState state, AttestationData data, List<ValidatorIndex> indices) {
    List<ValidatorIndex> sorted = new ArrayList<>(indices);
    sorted.sort(null);
    return new IndexedAttestation(
        sorted, data, signer.signAggregate(sorted, attesterRoot(state, data)).toBytes());
  }

  private Bytes32 attesterRoot(BeaconState state, AttestationData data) {
    Bytes32 domain =
        accessors.getDomain(state, config.domainBeaconAttester(), data.target().epoch());
    return signing.computeSigningRoot(data.hashTreeRoot(), domain);
  }

  /**
   * A queued deposit of interop key {@code keyIndex} with a valid proof of possession, or with
   * another key's signature when {@code validProof} is false.
   */
  public PendingDeposit pendingDeposit(long keyIndex, Gwei amount, boolean validProof) {
    BlsSecretKey key = InteropKeys.secretKey(keyIndex);
    Bytes48 pubkey = key.publicKey().toBytes();
    Address address = InteropDeposits.withdrawalAddress(pubkey);
    DepositMessage message =
        new DepositMessage(pubkey, DepositData.withdrawalCredentials(address), amount);
    Bytes32 domain =
        signing.computeDomain(config.domainDeposit(), config.genesisForkVersion(), Bytes32.ZERO);
    Bytes32 root = signing.computeSigningRoot(message.hashTreeRoot(), domain);
    BlsSecretKey signingKey = validProof ? key : InteropKeys.secretKey(keyIndex + 1);
    return new PendingDeposit(pubkey, address, amount, Bls.sign(signingKey, root).toBytes());
  }

  public SignedVoluntaryExit exit(BeaconState state, ValidatorIndex index, Epoch epoch) {
    VoluntaryExit exit = new VoluntaryExit(epoch, index);
    Bytes32 domain = accessors.getDomain(state, config.domainVoluntaryExit(), epoch);
    return new SignedVoluntaryExit(
        exit,
        signer.sign(index, signing.computeSigningRoot(exit.hashTreeRoot(), domain)).toBytes());
  }

  /** {@code header} signed by the validator it names. */
  public SignedBeaconBlockHeader signedHeader(BeaconState state, BeaconBlockHeader header) {
    Bytes32 domain =
        accessors.getDomain(
            state,
            config.domainBeaconProposer(),
            accessors.misc().computeEpochAtSlot(header.slot()));
    return new SignedBeaconBlockHeader(
        header,
        signer
            .sign(header.proposerIndex(), signing.computeSigningRoot(header.hashTreeRoot(), domain))
            .toBytes());
  }

  /**
   * A shard block header of {@code (slot, shard)} by its shard proposer in {@code state}, building
   * on {@code parentRoot} and beacon block {@code beaconBlockRoot}; {@code salt} varies the
   * transactions root so that competing headers differ.
   */
  public SignedShardBlockHeader shardHeader(
      BeaconState state,
      Slot slot,
      ShardId shard,
      Bytes32 parentRoot,
      Bytes32 beaconBlockRoot,
      int salt) {
    ValidatorIndex proposer = accessors.getShardProposerIndex(state, slot, shard);
    ShardBlockHeader header =
        new ShardBlockHeader(
            shard,
            slot,
            proposer,
            parentRoot,
            beaconBlockRoot,
            Bytes32.repeat((byte) 1),
            Bytes32.leftPad(org.apache.tuweni.bytes.Bytes.ofUnsignedInt(salt)),
            Bytes32.repeat((byte) 3),
            Bytes32.ZERO,
            UInt64.valueOf(21_000),
            UInt64.valueOf(30_000_000),
            BigInteger.valueOf(1_000_000_000L),
            Address.ZERO);
    return signShardHeader(state, header);
  }

  public SignedShardBlockHeader signShardHeader(BeaconState state, ShardBlockHeader header) {
    Bytes32 domain =
        accessors.getDomain(
            state,
            config.domainShardProposer(),
            accessors.misc().computeEpochAtSlot(header.slot()));
    return new SignedShardBlockHeader(
        header,
        signer
            .sign(header.proposerIndex(), signing.computeSigningRoot(header.hashTreeRoot(), domain))
            .toBytes());
  }
}
