package io.basalt.node.validator.slashing;

import java.util.List;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes48;

/**
 * One validator's entry in an interchange file. {@code signedShardBlocks} is Basalt's extension
 * ({@code signed_shard_blocks}); it is written only when not empty, so a file without shard blocks
 * is plain EIP-3076.
 */
public record InterchangeData(
    Bytes48 pubkey,
    List<InterchangeBlock> signedBlocks,
    List<InterchangeAttestation> signedAttestations,
    List<InterchangeShardBlock> signedShardBlocks) {

  public InterchangeData {
    Objects.requireNonNull(pubkey, "pubkey");
    signedBlocks = List.copyOf(signedBlocks);
    signedAttestations = List.copyOf(signedAttestations);
    signedShardBlocks = List.copyOf(signedShardBlocks);
  }
}
