package io.basalt.consensus.signing;

import io.basalt.common.ssz.SszSchema;
import io.basalt.common.types.Epoch;
import io.basalt.consensus.types.Bytes4;
import io.basalt.consensus.types.Fork;
import io.basalt.consensus.types.ForkData;
import io.basalt.consensus.types.SigningData;
import java.util.Objects;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * The phase0 signing helpers: domains bind a signature to its purpose (domain type), the fork
 * version and the chain ({@code genesis_validators_root}), so a signature cannot be replayed for
 * another purpose or on another chain. Pure functions; thread-safe.
 */
public final class SigningHelpers {

  /** The 4-byte fork digest is the first bytes of the fork data root. */
  private static final int FORK_DIGEST_LENGTH = 4;

  /** A domain is its 4-byte type followed by the first 28 bytes of the fork data root. */
  private static final int DOMAIN_ROOT_PREFIX = 28;

  // spec: compute_fork_data_root
  public Bytes32 computeForkDataRoot(Bytes4 currentVersion, Bytes32 genesisValidatorsRoot) {
    return new ForkData(currentVersion, genesisValidatorsRoot).hashTreeRoot();
  }

  // spec: compute_fork_digest
  public Bytes4 computeForkDigest(Bytes4 currentVersion, Bytes32 genesisValidatorsRoot) {
    return new Bytes4(
        computeForkDataRoot(currentVersion, genesisValidatorsRoot).slice(0, FORK_DIGEST_LENGTH));
  }

  /** {@code domain_type ‖ fork_data_root[:28]}. */
  // spec: compute_domain
  public Bytes32 computeDomain(
      Bytes4 domainType, Bytes4 forkVersion, Bytes32 genesisValidatorsRoot) {
    Objects.requireNonNull(domainType, "domainType");
    Bytes32 forkDataRoot = computeForkDataRoot(forkVersion, genesisValidatorsRoot);
    return Bytes32.wrap(
        Bytes.concatenate(domainType.bytes(), forkDataRoot.slice(0, DOMAIN_ROOT_PREFIX)));
  }

  /**
   * The domain of a signature made at {@code epoch} on a chain with {@code fork}: the previous
   * version applies before the fork epoch. The state-based {@code get_domain} is in the beacon
   * accessors and calls this.
   */
  public Bytes32 getDomain(
      Fork fork, Epoch epoch, Bytes4 domainType, Bytes32 genesisValidatorsRoot) {
    return computeDomain(domainType, fork.versionAt(epoch), genesisValidatorsRoot);
  }

  /** {@code hash_tree_root(SigningData(object_root, domain))}. */
  // spec: compute_signing_root
  public Bytes32 computeSigningRoot(Bytes32 objectRoot, Bytes32 domain) {
    return new SigningData(objectRoot, domain).hashTreeRoot();
  }

  /** {@link #computeSigningRoot(Bytes32, Bytes32)} of {@code hash_tree_root(object)}. */
  // spec: compute_signing_root
  public <T> Bytes32 computeSigningRoot(SszSchema<T> schema, T object, Bytes32 domain) {
    return computeSigningRoot(schema.hashTreeRoot(object), domain);
  }
}
