package io.basalt.execution.receipt;

import static io.basalt.execution.receipt.ExecutionApisFixture.bytes;
import static io.basalt.execution.receipt.ExecutionApisFixture.quantity;
import static io.basalt.execution.receipt.ExecutionApisFixture.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.rlp.RlpReader;
import io.basalt.execution.transaction.LegacyTransaction;
import io.basalt.execution.transaction.Transaction;
import io.basalt.execution.transaction.TransactionType;
import io.basalt.execution.trie.OrderedTrieRoot;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;
import org.junit.jupiter.api.Test;

/**
 * Receipts and transactions roots and blooms against blocks that go-ethereum produced for the
 * ethereum/execution-apis test chain: a Prague block with status receipts and logs (from the JSON
 * of {@code eth_getBlockReceipts} and {@code eth_getBlockByNumber}), and a pre-Byzantium block in
 * raw form ({@code debug_getRawBlock}, {@code debug_getRawReceipts}).
 */
class ExecutionApisRootsTest {

  private static final int HEADER_TRANSACTIONS_ROOT = 4;
  private static final int HEADER_RECEIPTS_ROOT = 5;
  private static final int HEADER_LOGS_BLOOM = 6;

  @Test
  void receiptsOfAPragueBlockShouldGiveItsReceiptsRootAndLogsBloom() {
    JsonNode block = result("eth_getBlockByNumber-latest.io");
    List<Receipt> receipts = new ArrayList<>();
    for (JsonNode json : result("eth_getBlockReceipts-latest.io")) {
      Receipt receipt = ExecutionApisFixture.receipt(json);
      assertThat(receipt.bloom().toBytes()).isEqualTo(bytes(json.get("logsBloom")));
      receipts.add(receipt);
    }

    assertThat(receipts).hasSize(4);
    assertThat(receipts.stream().mapToInt(r -> r.logs().size()).sum()).isEqualTo(11);
    assertThat(Receipt.rootOf(receipts))
        .isEqualTo(Bytes32.fromHexString(block.get("receiptsRoot").asText()));
    assertThat(LogsBloom.ofReceipts(receipts).toBytes()).isEqualTo(bytes(block.get("logsBloom")));
  }

  @Test
  void transactionsOfAPragueBlockShouldGiveItsTransactionsRoot() {
    JsonNode block = result("eth_getBlockByNumber-latest.io");
    List<Bytes> encoded = new ArrayList<>();
    for (JsonNode json : block.get("transactions")) {
      Transaction tx = legacyTransaction(json);
      assertThat(tx.hash()).isEqualTo(Bytes32.fromHexString(json.get("hash").asText()));
      encoded.add(tx.encode());
    }

    assertThat(encoded).hasSize(4);
    assertThat(OrderedTrieRoot.of(encoded))
        .isEqualTo(Bytes32.fromHexString(block.get("transactionsRoot").asText()));
  }

  @Test
  void aTypeTwoReceiptShouldHaveTheBloomGethReportsAndRoundTrip() throws Exception {
    JsonNode json = result("eth_getTransactionReceipt-dynamic-fee.io");
    Receipt receipt = ExecutionApisFixture.receipt(json);

    assertThat(receipt.type()).isEqualTo(TransactionType.EIP1559);
    assertThat(receipt.bloom().toBytes()).isEqualTo(bytes(json.get("logsBloom")));
    assertThat(receipt.encode().get(0)).isEqualTo((byte) 0x02);
    assertThat(Receipt.decode(receipt.encode())).isEqualTo(receipt);
  }

  @Test
  void rawTransactionsAndReceiptsOfABlockShouldGiveItsHeaderRoots() {
    RlpReader block = RlpReader.of(bytes(result("debug_getRawBlock-3.io"))).readListFully();
    List<Bytes> header = items(block.readList());
    List<Bytes> transactions = new ArrayList<>();
    RlpReader txItems = block.readList();
    while (txItems.hasNext()) {
      transactions.add(txItems.readRaw());
    }
    List<Bytes> receipts = new ArrayList<>();
    for (JsonNode raw : result("debug_getRawReceipts-3.io")) {
      receipts.add(bytes(raw));
    }

    assertThat(transactions).hasSize(3);
    assertThat(receipts).hasSize(3);
    assertThat(OrderedTrieRoot.of(transactions))
        .isEqualTo(Bytes32.wrap(header.get(HEADER_TRANSACTIONS_ROOT)));
    assertThat(OrderedTrieRoot.of(receipts))
        .isEqualTo(Bytes32.wrap(header.get(HEADER_RECEIPTS_ROOT)));
  }

  @Test
  void logsOfRawPostStateReceiptsShouldGiveTheirBloomsAndTheHeaderBloom() {
    Bytes header = RlpReader.of(bytes(result("debug_getRawBlock-3.io"))).readListFully().readRaw();
    LogsBloom union = LogsBloom.EMPTY;
    int logCount = 0;
    for (JsonNode raw : result("debug_getRawReceipts-3.io")) {
      // [postStateRoot, cumulativeGasUsed, bloom, logs]: only the logs and bloom are used here.
      RlpReader fields = RlpReader.of(bytes(raw)).readListFully();
      fields.skip();
      fields.skip();
      LogsBloom stated = LogsBloom.fromBytes(fields.readBytes());
      List<Log> logs = new ArrayList<>();
      RlpReader logItems = fields.readList();
      while (logItems.hasNext()) {
        logs.add(Log.readFrom(logItems));
      }
      fields.ensureEnd();
      assertThat(LogsBloom.of(logs)).isEqualTo(stated);
      union = union.or(stated);
      logCount += logs.size();
    }

    assertThat(logCount).isPositive();
    assertThat(union.toBytes())
        .isEqualTo(items(RlpReader.of(header).readListFully()).get(HEADER_LOGS_BLOOM));
  }

  @Test
  void preByzantiumReceiptsShouldBeRefusedWithTheReason() {
    Bytes raw = bytes(result("debug_getRawReceipts-3.io").get(0));

    assertThatThrownBy(() -> Receipt.decode(raw))
        .isInstanceOf(ReceiptDecodingException.class)
        .hasMessageContaining("post-state root");
  }

  private static List<Bytes> items(RlpReader list) {
    List<Bytes> items = new ArrayList<>();
    while (list.hasNext()) {
      items.add(list.readBytes());
    }
    return items;
  }

  private static Transaction legacyTransaction(JsonNode json) {
    assertThat(json.get("type").asText()).isEqualTo("0x0");
    Optional<Address> to =
        json.get("to").isNull()
            ? Optional.empty()
            : Optional.of(Address.fromHexString(json.get("to").asText()));
    return new LegacyTransaction(
        UInt64.valueOf(quantity(json.get("nonce"))),
        big(json.get("gasPrice")),
        UInt64.valueOf(quantity(json.get("gas"))),
        to,
        big(json.get("value")),
        bytes(json.get("input")),
        big(json.get("v")),
        big(json.get("r")),
        big(json.get("s")));
  }

  private static BigInteger big(JsonNode node) {
    return new BigInteger(node.asText().substring(2), 16);
  }
}
