package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsSecretKey;
import io.basalt.common.crypto.bls.BlsSignature;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.types.ShardId;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.execution.abi.AbiEncoder;
import io.basalt.execution.abi.AbiFunction;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.settlement.BatchHeader;
import io.basalt.execution.settlement.SettlementAbi;
import io.basalt.execution.settlement.SettlementDigests;
import io.basalt.node.genesis.DevAccount;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * A Layer-2 operator's side of the Settlement contract against a live node: a 4-operator rollup
 * (weights 1, 2, 3, 4, threshold 6) with a 3-member challenger committee (threshold 2), whose calls
 * are signed transactions sent with {@code eth_sendRawTransaction}.
 */
final class SettlementClient {

  static final BigInteger ETHER = DevTransactions.ETHER;
  private static final long GAS = 1_000_000;

  final RpcTestNode node;
  final SpecConfig config;
  final ShardId shard;
  final List<BlsSecretKey> operators = keys(100, 4);
  final List<Long> operatorWeights = List.of(1L, 2L, 3L, 4L);
  final List<BlsSecretKey> challengers = keys(110, 3);

  SettlementClient(RpcTestNode node, ShardId shard) {
    this.node = node;
    this.config = node.node.chain().config();
    this.shard = shard;
  }

  private static List<BlsSecretKey> keys(int first, int count) {
    List<BlsSecretKey> keys = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      keys.add(InteropKeys.secretKey(first + i));
    }
    return keys;
  }

  long chainId() {
    return config.chainId(shard).longValue();
  }

  List<Object> registerArgs(long period) {
    List<Object> challengerConfig =
        List.of(
            BigInteger.valueOf(6),
            BigInteger.valueOf(period),
            pubkeys(challengers),
            List.of(BigInteger.ONE, BigInteger.ONE, BigInteger.ONE),
            BigInteger.TWO,
            pops(challengers));
    return List.of(
        challengerConfig,
        pubkeys(operators),
        operatorWeights.stream().map(BigInteger::valueOf).toList(),
        pops(operators));
  }

  private static List<Bytes> pubkeys(List<BlsSecretKey> keys) {
    return keys.stream().map(k -> (Bytes) k.publicKey().toBytes()).toList();
  }

  private static List<Bytes> pops(List<BlsSecretKey> keys) {
    return keys.stream().map(k -> Bls.popProve(k).toBytes()).toList();
  }

  /** commitBatch arguments signed by operators 2 and 3 (weight 7). */
  List<Object> commitArgs(long rollupId, long index, BatchHeader h) {
    Bytes32 digest =
        SettlementDigests.commitDigest(
            chainId(), shard.id(), rollupId, h.batchHash(rollupId, index));
    return List.of(
        BigInteger.valueOf(rollupId),
        BigInteger.valueOf(index),
        h.parentBatchHash(),
        BigInteger.valueOf(h.l2StartBlock()),
        BigInteger.valueOf(h.l2EndBlock()),
        h.stateRoot(),
        h.withdrawalsRoot(),
        h.dataHash(),
        Bytes.of(0b1100),
        sign(operators, digest, 2, 3));
  }

  /** challengeBatch VETO arguments signed by challengers 0 and 1. */
  List<Object> vetoArgs(long rollupId, long index, Bytes32 batchHash) {
    Bytes32 digest =
        SettlementDigests.vetoDigest(chainId(), shard.id(), rollupId, index, batchHash);
    Bytes evidence =
        AbiEncoder.encode(
            SettlementAbi.VETO_EVIDENCE, List.of(Bytes.of(0b011), sign(challengers, digest, 0, 1)));
    return List.of(
        BigInteger.valueOf(rollupId),
        BigInteger.valueOf(index),
        BigInteger.valueOf(SettlementAbi.VETO),
        evidence);
  }

  private static Bytes sign(List<BlsSecretKey> keys, Bytes32 digest, int... signers) {
    List<BlsSignature> signatures = new ArrayList<>();
    for (int i : signers) {
      signatures.add(Bls.sign(keys.get(i), digest));
    }
    return Bls.aggregate(signatures).toBytes();
  }

  /** Sends a Settlement call from {@code from} with {@code nonce}; returns the tx hash. */
  String send(DevAccount from, long nonce, AbiFunction f, List<Object> args, BigInteger value)
      throws Exception {
    Bytes raw =
        DevTransactions.call(
                config,
                from,
                shard,
                nonce,
                SystemContracts.SETTLEMENT,
                value,
                f.encodeCall(args),
                GAS)
            .encode();
    return node.call(shard.id(), "eth_sendRawTransaction", raw.toHexString()).asText();
  }

  /** Waits for the receipt of {@code hash} and checks the call succeeded. */
  JsonNode receipt(String hash) throws Exception {
    JsonNode[] receipt = new JsonNode[1];
    RpcTestNode.await(
        Duration.ofSeconds(30),
        "receipt of " + hash,
        () -> {
          receipt[0] = node.call(shard.id(), "eth_getTransactionReceipt", hash);
          return !receipt[0].isNull();
        });
    assertThat(receipt[0].get("status").asText()).as("status of " + hash).isEqualTo("0x1");
    return receipt[0];
  }

  long nonceOf(DevAccount account) throws Exception {
    return Long.decode(
        node.call(shard.id(), "eth_getTransactionCount", account.address().toHexString(), "latest")
            .asText());
  }

  JsonNode rpc(String method, Object... params) throws Exception {
    return node.call(shard.id(), method, params);
  }
}
