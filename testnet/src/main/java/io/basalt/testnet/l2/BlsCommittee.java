package io.basalt.testnet.l2;

import io.basalt.common.crypto.Hash;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsSecretKey;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.execution.settlement.WeightedKeys;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A weighted BLS committee of the toy rollup (its operators, or its challengers) holding every
 * member's secret key, as a demo can: in a real deployment each member signs on its own machine and
 * an aggregator collects the signatures.
 */
public final class BlsCommittee {

  /** A signer bitmap and the aggregate signature of the members it names. */
  public record QuorumSignature(Bytes bitmap, Bytes signature) {}

  private final List<BlsSecretKey> keys;
  private final List<Long> weights;
  private final long threshold;

  public BlsCommittee(List<BlsSecretKey> keys, List<Long> weights, long threshold) {
    if (keys.isEmpty() || keys.size() != weights.size()) {
      throw new IllegalArgumentException(
          "a committee needs one weight per key, got " + keys.size() + " and " + weights.size());
    }
    this.keys = List.copyOf(keys);
    this.weights = List.copyOf(weights);
    this.threshold = threshold;
  }

  /**
   * {@code weights.size()} members with keys derived from {@code seed} and the member index ({@code
   * Bls.keyGen}), so a demo's committees are reproducible and distinct from validator keys.
   */
  public static BlsCommittee derived(String seed, List<Long> weights, long threshold) {
    List<BlsSecretKey> keys = new ArrayList<>();
    for (int i = 0; i < weights.size(); i++) {
      Bytes name = Bytes.wrap((seed + "/" + i).getBytes(StandardCharsets.UTF_8));
      keys.add(Bls.keyGen(Hash.keccak256(name)));
    }
    return new BlsCommittee(keys, weights, threshold);
  }

  public int size() {
    return keys.size();
  }

  public long threshold() {
    return threshold;
  }

  public List<Long> weights() {
    return weights;
  }

  public List<Bytes> pubkeys() {
    return keys.stream().map(k -> (Bytes) k.publicKey().toBytes()).toList();
  }

  /** Each member's proof of possession of its key (the contract's rogue-key defence). */
  public List<Bytes> proofsOfPossession() {
    return keys.stream().map(k -> (Bytes) Bls.popProve(k).toBytes()).toList();
  }

  public WeightedKeys weighted() {
    return new WeightedKeys(pubkeys(), weights, threshold);
  }

  /**
   * Members {@code signers} (indices) sign {@code digest}; the bitmap names them (member {@code i}
   * is bit {@code i % 8} of byte {@code i / 8}).
   */
  public QuorumSignature sign(Bytes32 digest, int... signers) {
    byte[] bitmap = new byte[(keys.size() + 7) / 8];
    List<BlsSignature> signatures = new ArrayList<>();
    for (int i : signers) {
      if (i < 0 || i >= keys.size()) {
        throw new IllegalArgumentException("no member " + i + " in a committee of " + size());
      }
      bitmap[i / 8] |= (byte) (1 << (i % 8));
      signatures.add(Bls.sign(keys.get(i), digest));
    }
    if (signatures.isEmpty()) {
      throw new IllegalArgumentException("no signer named");
    }
    return new QuorumSignature(Bytes.wrap(bitmap), Bls.aggregate(signatures).toBytes());
  }

  /** The first members, in order, whose weight reaches the threshold sign {@code digest}. */
  public QuorumSignature signQuorum(Bytes32 digest) {
    List<Integer> signers = new ArrayList<>();
    long weight = 0;
    for (int i = 0; i < keys.size() && weight < threshold; i++) {
      signers.add(i);
      weight += weights.get(i);
    }
    return sign(digest, signers.stream().mapToInt(Integer::intValue).toArray());
  }
}
