package io.basalt.execution.transaction;

import io.basalt.common.types.Address;
import io.basalt.common.types.UInt64;
import io.basalt.execution.rlp.RlpException;
import io.basalt.execution.rlp.RlpReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/**
 * Decodes the network and RPC form of a transaction ({@code eth_sendRawTransaction}, gossip): a
 * legacy RLP list, or an EIP-2718 type byte followed by its payload.
 *
 * <p>Decoding is strict, so that one transaction has exactly one encoding and {@link
 * Transaction#encode()} gives back the input byte for byte: canonical RLP only, the exact field
 * count, no trailing bytes, nonce and gas limit within 64 bits, other integers within 256 bits,
 * {@code to} empty or 20 bytes, storage keys 32 bytes. Any other input, however broken, ends in a
 * {@link TransactionDecodingException}.
 */
public final class TransactionDecoder {

  private static final int LEGACY_FIELDS = 9;
  private static final int EIP1559_FIELDS = 12;

  private TransactionDecoder() {}

  /**
   * The transaction in {@code raw}.
   *
   * @throws TransactionDecodingException if {@code raw} is not one well-formed legacy or type-2
   *     transaction; {@link TransactionDecodingException#isUnsupportedType()} tells types 1, 3, 4
   *     and unknown ones apart
   */
  public static Transaction decode(Bytes raw) throws TransactionDecodingException {
    if (raw.isEmpty()) {
      throw TransactionDecodingException.malformed("empty input");
    }
    int first = raw.get(0) & 0xff;
    try {
      if (first >= 0xc0) {
        return decodeLegacy(RlpReader.of(raw).readListFully());
      }
      if (first == Eip1559Transaction.TYPE) {
        return decodeEip1559(RlpReader.of(raw.slice(1)).readListFully());
      }
      if (first <= 0x7f) {
        throw TransactionDecodingException.unsupportedType(first);
      }
      throw TransactionDecodingException.malformed(
          String.format("first byte 0x%02x is neither a type byte nor an RLP list", first));
    } catch (RlpException e) {
      // The RLP package's messages name the offset and, for scalars, the field.
      throw TransactionDecodingException.malformed(e.getMessage());
    }
  }

  private static LegacyTransaction decodeLegacy(RlpReader fields)
      throws TransactionDecodingException {
    UInt64 nonce = uint64(fields, "nonce");
    BigInteger gasPrice = uint256(fields, "gasPrice");
    UInt64 gasLimit = uint64(fields, "gasLimit");
    Optional<Address> to = recipient(fields);
    BigInteger value = uint256(fields, "value");
    Bytes data = fields.readBytes();
    BigInteger v = uint256(fields, "v");
    BigInteger r = uint256(fields, "r");
    BigInteger s = uint256(fields, "s");
    expectEnd(fields, "legacy", LEGACY_FIELDS);
    return new LegacyTransaction(nonce, gasPrice, gasLimit, to, value, data, v, r, s);
  }

  private static Eip1559Transaction decodeEip1559(RlpReader fields)
      throws TransactionDecodingException {
    BigInteger chainId = uint256(fields, "chainId");
    UInt64 nonce = uint64(fields, "nonce");
    BigInteger maxPriorityFeePerGas = uint256(fields, "maxPriorityFeePerGas");
    BigInteger maxFeePerGas = uint256(fields, "maxFeePerGas");
    UInt64 gasLimit = uint64(fields, "gasLimit");
    Optional<Address> to = recipient(fields);
    BigInteger value = uint256(fields, "value");
    Bytes data = fields.readBytes();
    List<AccessListEntry> accessList = accessList(fields.readList());
    BigInteger yParity = uint256(fields, "yParity");
    BigInteger r = uint256(fields, "r");
    BigInteger s = uint256(fields, "s");
    expectEnd(fields, "EIP-1559", EIP1559_FIELDS);
    return new Eip1559Transaction(
        chainId,
        nonce,
        maxPriorityFeePerGas,
        maxFeePerGas,
        gasLimit,
        to,
        value,
        data,
        accessList,
        yParity,
        r,
        s);
  }

  private static List<AccessListEntry> accessList(RlpReader list)
      throws TransactionDecodingException {
    List<AccessListEntry> entries = new ArrayList<>();
    while (list.hasNext()) {
      RlpReader entry = list.readList();
      Bytes address = entry.readBytes();
      if (address.size() != Address.SIZE) {
        throw TransactionDecodingException.malformed(
            "access list address is " + address.size() + " bytes, expected 20");
      }
      RlpReader keyList = entry.readList();
      List<Bytes32> keys = new ArrayList<>();
      while (keyList.hasNext()) {
        Bytes key = keyList.readBytes();
        if (key.size() != Bytes32.SIZE) {
          throw TransactionDecodingException.malformed(
              "access list storage key is " + key.size() + " bytes, expected 32");
        }
        // A copy: the reader's slices share the caller's input array.
        keys.add(Bytes32.wrap(key.toArray()));
      }
      if (entry.hasNext()) {
        throw TransactionDecodingException.malformed(
            "access list entry has more than an address and a list of storage keys");
      }
      entries.add(new AccessListEntry(new Address(address), keys));
    }
    return entries;
  }

  private static Optional<Address> recipient(RlpReader fields) throws TransactionDecodingException {
    Bytes to = fields.readBytes();
    if (to.isEmpty()) {
      return Optional.empty();
    }
    if (to.size() != Address.SIZE) {
      throw TransactionDecodingException.malformed(
          "to is " + to.size() + " bytes, expected 20 or empty (creation)");
    }
    return Optional.of(new Address(to));
  }

  private static UInt64 uint64(RlpReader fields, String name) {
    return fields.readUInt64(name);
  }

  private static BigInteger uint256(RlpReader fields, String name) {
    return fields.readUInt256(name);
  }

  private static void expectEnd(RlpReader fields, String kind, int count)
      throws TransactionDecodingException {
    if (fields.hasNext()) {
      throw TransactionDecodingException.malformed(
          "a " + kind + " transaction has " + count + " fields, found more");
    }
  }
}
