package io.basalt.shard.store;

import io.basalt.execution.receipt.Receipt;
import io.basalt.execution.receipt.ReceiptDecodingException;
import io.basalt.execution.rlp.RlpException;
import io.basalt.execution.rlp.RlpReader;
import io.basalt.execution.rlp.RlpWriter;
import io.basalt.storage.codec.CodecException;
import java.util.ArrayList;
import java.util.List;
import org.apache.tuweni.bytes.Bytes;

/**
 * A block's receipts as stored in {@code RECEIPTS_BY_BLOCK_ROOT}: an RLP list of byte strings, each
 * a receipt's consensus encoding ({@link Receipt#encode()}), in transaction order.
 */
public final class ReceiptListCodec {

  private ReceiptListCodec() {}

  public static Bytes encode(List<Receipt> receipts) {
    return RlpWriter.list(
        list -> {
          for (Receipt receipt : receipts) {
            list.writeBytes(receipt.encode());
          }
        });
  }

  /**
   * @throws CodecException if {@code stored} is not such a list
   */
  public static List<Receipt> decode(Bytes stored) {
    try {
      RlpReader list = RlpReader.of(stored).readListFully();
      List<Receipt> receipts = new ArrayList<>();
      while (list.hasNext()) {
        receipts.add(Receipt.decode(list.readBytes()));
      }
      return receipts;
    } catch (RlpException | ReceiptDecodingException e) {
      throw new CodecException("Stored receipts do not decode: " + e.getMessage(), e);
    }
  }
}
