package io.basalt.shard.simulator;

import io.basalt.beacon.datastructures.shard.ShardBlockHeader;
import io.basalt.beacon.helpers.BeaconStateAccessors;
import io.basalt.beacon.state.BeaconState;
import io.basalt.beacon.testing.InteropSigner;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.consensus.signing.SigningHelpers;
import org.apache.tuweni.bytes.Bytes32;

/** Shard proposers' signatures with the interop keys the beacon simulation's validators hold. */
final class ValidatorKeys {

  private final SpecConfig config;
  private final BeaconStateAccessors accessors;
  private final InteropSigner signer = new InteropSigner();
  private final SigningHelpers signing = new SigningHelpers();

  ValidatorKeys(SpecConfig config, BeaconStateAccessors accessors) {
    this.config = config;
    this.accessors = accessors;
  }

  /** The proposer's signature over {@code header} ({@code DOMAIN_SHARD_PROPOSER}). */
  BlsSignature signShardHeader(BeaconState state, ShardBlockHeader header) {
    Bytes32 domain =
        accessors.getDomain(
            state,
            config.domainShardProposer(),
            accessors.misc().computeEpochAtSlot(header.slot()));
    Bytes32 root = signing.computeSigningRoot(header.hashTreeRoot(), domain);
    return signer.sign(header.proposerIndex(), root);
  }
}
