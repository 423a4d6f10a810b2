package io.basalt.node.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.beacon.state.BeaconState;
import io.basalt.common.crypto.bls.Bls;
import io.basalt.common.crypto.bls.BlsSecretKey;
import io.basalt.common.crypto.bls.InteropKeys;
import io.basalt.common.types.ShardId;
import io.basalt.common.types.Slot;
import io.basalt.consensus.config.SpecConfig;
import io.basalt.execution.contracts.SystemContracts;
import io.basalt.execution.settlement.BatchHeader;
import io.basalt.execution.settlement.SettlementAbi;
import io.basalt.execution.settlement.SettlementDigests;
import io.basalt.execution.transaction.Eip1559Transaction;
import io.basalt.node.chain.NodeChain;
import io.basalt.node.genesis.DevAccount;
import io.basalt.settlement.json.SettlementProofJson;
import io.basalt.settlement.proof.CommitmentProof;
import io.basalt.settlement.proof.FinalityProof;
import io.basalt.settlement.trust.TrustedValidatorSet;
import io.basalt.settlement.verify.BatchClaim;
import io.basalt.settlement.verify.RejectionReason;
import io.basalt.settlement.verify.SettlementVerifier;
import io.basalt.settlement.verify.VerificationResult;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On a live node: a rollup registered and a batch committed by transactions, the batch's inclusion
 * finalized, both proofs fetched over JSON-RPC and verified with the settlement library from the
 * genesis validator set; a tampered proof is rejected.
 */
class SettleProofRpcTest {

  private static final ShardId SHARD = ShardId.of(0);
  private static final BigInteger ETHER = BigInteger.TEN.pow(18);

  private static RpcTestNode node;
  private static SpecConfig config;
  private static DevAccount user;

  @BeforeAll
  static void start() throws Exception {
    node = RpcTestNode.get();
    config = node.node.chain().config();
    user = node.accounts.get(4);
  }

  @Test
  void shouldAnswerAnUnknownBatchWithAClearError() throws Exception {
    JsonNode response = node.request("/shard/1", "settle_getCommitmentProof", "0x7fff", "0x0");
    assertThat(response.get("error").get("code").asInt()).isEqualTo(RpcException.SERVER_ERROR);
    assertThat(response.get("error").get("message").asText()).startsWith("unknown batch");
  }

  @Test
  void shouldProveAFinalizedBatchThatTheLibraryVerifies() throws Exception {
    BlsSecretKey operator = InteropKeys.secretKey(500);
    long nonce = nonce();
    List<Object> config0 =
        List.of(
            BigInteger.ONE,
            BigInteger.valueOf(16),
            List.of(),
            List.of(),
            BigInteger.ZERO,
            List.of());
    Bytes register =
        SettlementAbi.REGISTER_ROLLUP.encodeCall(
            List.of(
                config0,
                List.of((Bytes) operator.publicKey().toBytes()),
                List.of(BigInteger.ONE),
                List.of((Bytes) Bls.popProve(operator).toBytes())));
    send(nonce, register, ETHER);
    long rollupId =
        Bytes32.fromHexString(
                    node.call(
                            0,
                            "eth_getStorageAt",
                            SystemContracts.SETTLEMENT.bytes().toHexString(),
                            "0x0",
                            "latest")
                        .asText())
                .toUnsignedBigInteger()
                .longValueExact()
            - 1;

    BatchHeader header =
        new BatchHeader(
            Bytes32.ZERO,
            1,
            4,
            Bytes32.repeat((byte) 0x51),
            Bytes32.repeat((byte) 0x52),
            Bytes32.repeat((byte) 0x53));
    Bytes32 batchHash = header.batchHash(rollupId, 0);
    Bytes32 digest =
        SettlementDigests.commitDigest(
            config.chainId(SHARD).longValue(), SHARD.id(), rollupId, batchHash);
    Bytes commit =
        SettlementAbi.COMMIT_BATCH.encodeCall(
            List.of(
                BigInteger.valueOf(rollupId),
                BigInteger.ZERO,
                header.parentBatchHash(),
                BigInteger.valueOf(header.l2StartBlock()),
                BigInteger.valueOf(header.l2EndBlock()),
                header.stateRoot(),
                header.withdrawalsRoot(),
                header.dataHash(),
                Bytes.of(1),
                Bls.sign(operator, digest).toBytes()));
    send(nonce + 1, commit, BigInteger.ZERO);

    AtomicReference<JsonNode> proofJson = new AtomicReference<>();
    RpcTestNode.await(
        Duration.ofSeconds(150),
        "finalized inclusion of the batch",
        () -> {
          JsonNode r =
              node.request(
                  "/shard/0", "settle_getCommitmentProof", RpcHex.quantity(rollupId), "0x0");
          if (r.has("error")) {
            assertThat(r.get("error").get("message").asText()).contains("not finalized yet");
            return false;
          }
          proofJson.set(r.get("result"));
          return true;
        });
    CommitmentProof commitment = SettlementProofJson.commitmentProof(proofJson.get());
    JsonNode finalityJson =
        node.call(
            0, "settle_getFinalityProof", RpcHex.quantity(commitment.checkpoint().epoch().value()));
    FinalityProof finality = SettlementProofJson.finalityProof(finalityJson);

    TrustedValidatorSet trusted = TrustedValidatorSet.fromState(genesisState());
    SettlementVerifier verifier = new SettlementVerifier(config);
    BatchClaim claim = new BatchClaim(SHARD, rollupId, 0, batchHash);
    VerificationResult result = verifier.verify(trusted, claim, commitment, finality);
    assertThat(result.isValid()).as(result.toString()).isTrue();
    assertThat(commitment.batch().header()).isEqualTo(header);

    ObjectNode tampered = proofJson.get().deepCopy();
    ArrayNode branch = (ArrayNode) tampered.get("crosslinkBranch");
    branch.set(0, Bytes32.repeat((byte) 0x0f).toHexString());
    VerificationResult forged =
        verifier.verify(trusted, claim, SettlementProofJson.commitmentProof(tampered), finality);
    assertThat(forged.reason()).contains(RejectionReason.INVALID_CROSSLINK_BRANCH);
    FinalityProof noFinalizingVotes =
        new FinalityProof(finality.checkpoint(), finality.justifying(), List.of(), List.of());
    assertThat(verifier.verify(trusted, claim, commitment, noFinalizingVotes).isValid()).isFalse();
  }

  private static BeaconState genesisState() {
    NodeChain<?> chain = node.node.chain();
    return chain
        .executor()
        .call(
            () ->
                chain
                    .beacon()
                    .stateAt(chain.beacon().store().genesisRoot(), Slot.ZERO)
                    .or(() -> chain.beacon().store().finalizedStateAtOrBefore(Slot.ZERO))
                    .orElseThrow());
  }

  private static long nonce() throws Exception {
    return Long.decode(
        node.call(0, "eth_getTransactionCount", user.address().bytes().toHexString(), "pending")
            .asText());
  }

  /** Sends a Settlement call and waits for its successful receipt. */
  private static void send(long nonce, Bytes data, BigInteger value) throws Exception {
    Eip1559Transaction tx =
        DevTransactions.call(
            config, user, SHARD, nonce, SystemContracts.SETTLEMENT, value, data, 3_000_000);
    String hash = node.call(0, "eth_sendRawTransaction", tx.encode().toHexString()).asText();
    AtomicReference<JsonNode> receipt = new AtomicReference<>();
    RpcTestNode.await(
        Duration.ofSeconds(60),
        "receipt of " + hash,
        () -> {
          JsonNode r = node.call(0, "eth_getTransactionReceipt", hash);
          receipt.set(r);
          return r != null && !r.isNull();
        });
    assertThat(receipt.get().get("status").asText()).as(receipt.get().toString()).isEqualTo("0x1");
  }
}
