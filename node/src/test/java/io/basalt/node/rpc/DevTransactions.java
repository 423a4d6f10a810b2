package io.basalt.node.rpc;

import io.basalt.common.crypto.secp256k1.SecpEcdsa;
import io.basalt.common.crypto.secp256k1.SecpPrivateKey;
import io.basalt.common.types.Address;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.UInt64;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.execution.contracts.CrossShard;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.execution.transaction.TransactionSigner;
import io.basalt.node.genesis.DevAccount;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;

/** EIP-1559 transactions signed by a dev account, as a wallet would send them. */
final class DevTransactions {

  static final BigInteger GWEI = BigInteger.TEN.pow(9);
  static final BigInteger ETHER = BigInteger.TEN.pow(18);

  private DevTransactions() {}

  /** {@code CrossShard.transfer(toShard, to)} with {@code value}, from {@code shard}. */
  static Eip1559Transaction crossShardTransfer(
      SpecConfig config,
      DevAccount from,
      ShardId shard,
      long nonce,
      int toShard,
      Address to,
      BigInteger value) {
    Bytes data = CrossShard.TRANSFER.encodeCall(List.of(BigInteger.valueOf(toShard), to));
    return call(config, from, shard, nonce, SystemContracts.CROSS_SHARD, value, data, 200_000);
  }

  /** A plain value transfer on {@code shard}. */
  static Eip1559Transaction transfer(
      SpecConfig config, DevAccount from, ShardId shard, long nonce, Address to, BigInteger value) {
    return call(config, from, shard, nonce, to, value, Bytes.EMPTY, 200_000);
  }

  /** A call of {@code to} with {@code data} and {@code value}, up to {@code gas}. */
  static Eip1559Transaction call(
      SpecConfig config,
      DevAccount from,
      ShardId shard,
      long nonce,
      Address to,
      BigInteger value,
      Bytes data,
      long gas) {
    Eip1559Transaction unsigned =
        Eip1559Transaction.unsigned(
            config.chainId(shard).toBigInteger(),
            UInt64.valueOf(nonce),
            GWEI,
            GWEI.multiply(BigInteger.valueOf(50)),
            UInt64.valueOf(gas),
            Optional.of(to),
            value,
            data,
            List.of());
    return TransactionSigner.sign(
        unsigned, SecpPrivateKey.fromHexString(from.privateKey()), SecpEcdsa.getDefault());
  }
}
