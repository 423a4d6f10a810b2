package io.basalt.testnet.load;

import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.contracts.CrossShard;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.execution.transaction.TransactionSigner;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/**
 * Signed EIP-1559 transactions for the load generator: plain transfers and {@code
 * CrossShard.transfer(toShard, to)} calls, as raw hex for {@code eth_sendRawTransaction}.
 */
public final class TransferFactory {

  /** A plain value transfer costs exactly this much gas. */
  public static final UInt64 TRANSFER_GAS = UInt64.valueOf(21_000);

  /** Intrinsic gas plus the contract's 25,000, with room to spare. */
  public static final UInt64 CROSS_SHARD_GAS = UInt64.valueOf(100_000);

  private final SecpEcdsa ecdsa = SecpEcdsa.getDefault();
  private final BigInteger maxPriorityFeePerGas;
  private final BigInteger maxFeePerGas;

  /**
   * @param maxPriorityFeePerGas the tip offered
   * @param maxFeePerGas the most paid per gas; high enough above the base fee to survive full
   *     blocks for a while
   */
  public TransferFactory(BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas) {
    this.maxPriorityFeePerGas = maxPriorityFeePerGas;
    this.maxFeePerGas = maxFeePerGas;
  }

  public String transfer(
      SecpPrivateKey key, long chainId, long nonce, Address to, BigInteger value) {
    return sign(key, chainId, nonce, TRANSFER_GAS, to, value, Bytes.EMPTY);
  }

  /** A call moving {@code value} from this shard to {@code to} on {@code toShard}. */
  public String crossShardTransfer(
      SecpPrivateKey key, long chainId, long nonce, int toShard, Address to, BigInteger value) {
    Bytes calldata = CrossShard.TRANSFER.encodeCall(List.of(BigInteger.valueOf(toShard), to));
    return sign(key, chainId, nonce, CROSS_SHARD_GAS, SystemContracts.CROSS_SHARD, value, calldata);
  }

  private String sign(
      SecpPrivateKey key,
      long chainId,
      long nonce,
      UInt64 gas,
      Address to,
      BigInteger value,
      Bytes data) {
    Eip1559Transaction unsigned =
        Eip1559Transaction.unsigned(
            BigInteger.valueOf(chainId),
            UInt64.valueOf(nonce),
            maxPriorityFeePerGas,
            maxFeePerGas,
            gas,
            Optional.of(to),
            value,
            data,
            List.of());
    return TransactionSigner.sign(unsigned, key, ecdsa).encode().toHexString();
  }
}
