package io.basalt.execution.transaction;

import io.basalt.common.crypto.secp256k1.EthereumV;
import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.crypto.secp256k1.SecpSignature;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Signs transactions as an Ethereum wallet does (deterministic RFC 6979, low s), for the node's own
 * tools, tests and benchmarks. Any existing signature on the input is replaced.
 */
public final class TransactionSigner {

  private TransactionSigner() {}

  /** Signs per EIP-155 for {@code chainId}. */
  public static LegacyTransaction sign(
      LegacyTransaction tx, long chainId, SecpPrivateKey key, SecpEcdsa ecdsa) {
    SecpSignature signature =
        ecdsa.sign(tx.signingHash(Optional.of(BigInteger.valueOf(chainId))), key);
    return tx.withSignature(
        EthereumV.eip155(signature.recoveryId(), chainId), signature.r(), signature.s());
  }

  /** Signs for the chain id the transaction carries. */
  public static Eip1559Transaction sign(
      Eip1559Transaction tx, SecpPrivateKey key, SecpEcdsa ecdsa) {
    SecpSignature signature = ecdsa.sign(tx.signingHash(), key);
    return tx.withSignature(
        BigInteger.valueOf(signature.recoveryId()), signature.r(), signature.s());
  }
}
