package io.basalt.beacon.testing;

import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsSecretKey;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.types.ValidatorIndex;
import java.math.BigInteger;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.tuweni.bytes.Bytes;

/**
 * Signs as the interop validators ({@link InteropKeys}): validator {@code i}'s key is interop key
 * {@code i}, as in interop genesis states. Aggregates are signed with the sum of the signers'
 * secret keys, which equals aggregating their signatures, at the cost of one signature.
 * Thread-safe.
 */
public final class InteropSigner {

  private final ConcurrentHashMap<Long, BlsSecretKey> keys = new ConcurrentHashMap<>();

  public BlsSecretKey secretKey(ValidatorIndex index) {
    return keys.computeIfAbsent(index.value().longValue(), InteropKeys::secretKey);
  }

  public BlsSignature sign(ValidatorIndex index, Bytes message) {
    return Bls.sign(secretKey(index), message);
  }

  /** The aggregate signature of {@code signers} over {@code message}. */
  public BlsSignature signAggregate(Collection<ValidatorIndex> signers, Bytes message) {
    BigInteger sum = BigInteger.ZERO;
    for (ValidatorIndex signer : signers) {
      sum = sum.add(secretKey(signer).toBytes().toUnsignedBigInteger());
    }
    return Bls.sign(BlsSecretKey.fromScalar(sum.mod(BlsSecretKey.CURVE_ORDER)), message);
  }
}
