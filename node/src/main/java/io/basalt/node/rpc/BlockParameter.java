package io.basalt.node.rpc;

import java.util.Objects;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A block as a client names it: a tag, a number, or (EIP-1898) a hash with an optional demand that
 * the block be canonical.
 */
public sealed interface BlockParameter {

  /** The named blocks of the Ethereum JSON-RPC specification. */
  enum Tag {
    LATEST,
    EARLIEST,
    PENDING,
    /** The newest shard block crosslinked in a justified beacon state. */
    SAFE,
    /** The newest shard block crosslinked in a finalized beacon state. */
    FINALIZED
  }

  BlockParameter LATEST = new Named(Tag.LATEST);

  record Named(Tag tag) implements BlockParameter {
    public Named {
      Objects.requireNonNull(tag, "tag");
    }
  }

  record Number(long number) implements BlockParameter {
    public Number {
      if (number < 0) {
        throw new IllegalArgumentException("negative block number");
      }
    }
  }

  record Hash(Bytes32 hash, boolean requireCanonical) implements BlockParameter {
    public Hash {
      Objects.requireNonNull(hash, "hash");
    }
  }
}
