package io.basalt.node.p2p;

import io.basalt.common.crypto.Hash;
import io.basalt.networking.gossip.MessageId;
import io.basalt.networking.gossip.MessageIdFunction;
import io.basalt.networking.gossip.PubMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.ToIntFunction;
import org.apache.tuweni.bytes.Bytes;
import org.xerial.snappy.Snappy;

/**
 * The gossip payload encoding {@code ssz_snappy}: the SSZ bytes compressed in the snappy BLOCK
 * format (not framed), and the message id of the consensus p2p-interface (phase0): {@code
 * SHA-256(MESSAGE_DOMAIN_VALID_SNAPPY ‖ uncompressed)[:20]}, or {@code
 * SHA-256(MESSAGE_DOMAIN_INVALID_SNAPPY ‖ raw)[:20]} when the payload does not decompress within
 * its topic's limit.
 *
 * <p>Sizes are checked before anything is decompressed: the compressed length against the largest a
 * valid payload compresses to, and the uncompressed length announced by the snappy preamble against
 * the topic's limit, so a small message cannot make us allocate a large buffer.
 */
public final class GossipEncoding {

  static final Bytes MESSAGE_DOMAIN_VALID_SNAPPY = Bytes.fromHexString("0x01000000");
  static final Bytes MESSAGE_DOMAIN_INVALID_SNAPPY = Bytes.fromHexString("0x00000000");
  static final int MESSAGE_ID_LENGTH = 20;

  private GossipEncoding() {}

  /** Snappy's bound on the compressed size of {@code n} bytes ({@code MaxCompressedLength}). */
  public static int maxCompressedLength(int n) {
    return 32 + n + n / 6;
  }

  public static byte[] compress(Bytes ssz) {
    try {
      return Snappy.compress(ssz.toArrayUnsafe());
    } catch (IOException e) {
      throw new UncheckedIOException("snappy compression failed", e);
    }
  }

  /**
   * The uncompressed length announced by a snappy block's preamble (a little-endian base-128 varint
   * of at most 5 bytes, value below 2^32).
   *
   * @throws MalformedMessageException if the preamble is missing or malformed
   */
  static long announcedLength(byte[] compressed) {
    long value = 0;
    for (int i = 0; i < Math.min(5, compressed.length); i++) {
      int b = compressed[i] & 0xff;
      value |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        if (value > 0xffffffffL) {
          break;
        }
        return value;
      }
    }
    throw new MalformedMessageException("malformed snappy preamble");
  }

  /**
   * Checks the sizes of a compressed payload against limits without decompressing it.
   *
   * @throws MalformedMessageException if it is too large or its preamble is malformed
   */
  public static void checkSizes(byte[] compressed, int maxUncompressed) {
    if (compressed.length > maxCompressedLength(maxUncompressed)) {
      throw new MalformedMessageException(
          "compressed payload of " + compressed.length + " bytes is over the limit");
    }
    long announced = announcedLength(compressed);
    if (announced > maxUncompressed) {
      throw new MalformedMessageException(
          "payload of " + announced + " bytes, at most " + maxUncompressed + " allowed");
    }
  }

  /**
   * Decompresses a payload of at most {@code maxUncompressed} bytes.
   *
   * @throws MalformedMessageException if it is too large or not valid snappy
   */
  public static Bytes decompress(byte[] compressed, int maxUncompressed) {
    checkSizes(compressed, maxUncompressed);
    int length = (int) announcedLength(compressed);
    byte[] out = new byte[length];
    try {
      if (!Snappy.isValidCompressedBuffer(compressed)) {
        throw new MalformedMessageException("invalid snappy block");
      }
      int written = Snappy.uncompress(compressed, 0, compressed.length, out, 0);
      if (written != length) {
        throw new MalformedMessageException("snappy block shorter than announced");
      }
    } catch (IOException e) {
      throw new MalformedMessageException("invalid snappy block: " + e.getMessage(), e);
    }
    return Bytes.wrap(out);
  }

  /**
   * The message id of {@code data} on a topic whose payloads are at most {@code maxUncompressed}
   * bytes.
   */
  public static MessageId messageId(Bytes data, int maxUncompressed) {
    Bytes preimage;
    try {
      preimage =
          Bytes.concatenate(
              MESSAGE_DOMAIN_VALID_SNAPPY, decompress(data.toArrayUnsafe(), maxUncompressed));
    } catch (MalformedMessageException e) {
      preimage = Bytes.concatenate(MESSAGE_DOMAIN_INVALID_SNAPPY, data);
    }
    return new MessageId(Hash.sha256(preimage).slice(0, MESSAGE_ID_LENGTH));
  }

  /**
   * The id function for gossip: each topic's limit comes from {@code maxUncompressedForTopic}
   * (unknown topics should get a small limit).
   */
  public static MessageIdFunction messageIdFunction(ToIntFunction<String> maxUncompressedForTopic) {
    return (PubMessage m) -> messageId(m.data(), maxUncompressedForTopic.applyAsInt(m.topic()));
  }
}
