package io.basalt.execution.settlement;

import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsSecretKey;
import io.basalt.common.crypto.bls.InteropKeys;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** A test BLS committee: interop keys from {@code firstKey}, with weights; signs digests. */
final class Committee {

  /** A bitmap and an aggregate signature, as commitBatch takes them. */
  record Signed(Bytes bitmap, Bytes signature) {}

  final List<BlsSecretKey> keys = new ArrayList<>();
  final List<Long> weights;
  final long threshold;

  Committee(int firstKey, List<Long> weights, long threshold) {
    for (int i = 0; i < weights.size(); i++) {
      keys.add(InteropKeys.secretKey(firstKey + i));
    }
    this.weights = List.copyOf(weights);
    this.threshold = threshold;
  }

  List<Bytes> pubkeys() {
    return keys.stream().map(k -> (Bytes) k.publicKey().toBytes()).toList();
  }

  List<Bytes> pops() {
    return keys.stream().map(k -> (Bytes) Bls.popProve(k).toBytes()).toList();
  }

  List<BigInteger> abiWeights() {
    return weights.stream().map(BigInteger::valueOf).toList();
  }

  WeightedKeys weighted() {
    return new WeightedKeys(pubkeys(), weights, threshold);
  }

  /** Members {@code signers} sign {@code digest}; the bitmap names them. */
  Signed sign(Bytes32 digest, int... signers) {
    byte[] bitmap = new byte[(keys.size() + 7) / 8];
    List<io.basalt.common.crypto.bls.BlsSignature> signatures = new ArrayList<>();
    for (int i : signers) {
      bitmap[i / 8] |= (byte) (1 << (i % 8));
      signatures.add(Bls.sign(keys.get(i), digest));
    }
    return new Signed(Bytes.wrap(bitmap), Bls.aggregate(signatures).toBytes());
  }
}
