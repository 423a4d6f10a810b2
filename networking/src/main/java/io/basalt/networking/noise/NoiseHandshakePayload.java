package io.basalt.networking.noise;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The libp2p {@code NoiseHandshakePayload} protobuf: {@code bytes identity_key = 1; bytes
 * identity_sig = 2; NoiseExtensions extensions = 4;}. The identity key is a libp2p {@code
 * PublicKey} protobuf; the signature covers {@code "noise-libp2p-static-key:" || static key}.
 *
 * <p>Encoding writes the fields in number order and omits absent extensions; decoding skips unknown
 * fields (including the retired field 3) as protobuf parsers do.
 */
public record NoiseHandshakePayload(
    byte[] identityKey, byte[] identitySig, Optional<NoiseExtensions> extensions) {

  private static final int IDENTITY_KEY = 1;
  private static final int IDENTITY_SIG = 2;
  private static final int EXTENSIONS = 4;
  private static final int CERTHASHES = 1;
  private static final int STREAM_MUXERS = 2;
  private static final int WIRETYPE_LENGTH_DELIMITED = 2;

  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      out.writeByteArray(IDENTITY_KEY, identityKey);
      out.writeByteArray(IDENTITY_SIG, identitySig);
      if (extensions.isPresent()) {
        out.writeByteArray(EXTENSIONS, encodeExtensions(extensions.get()));
      }
      out.flush();
    } catch (IOException e) {
      throw new IllegalStateException("Writing to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  private static byte[] encodeExtensions(NoiseExtensions extensions) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    for (byte[] hash : extensions.webtransportCerthashes()) {
      out.writeByteArray(CERTHASHES, hash);
    }
    for (String muxer : extensions.streamMuxers()) {
      out.writeString(STREAM_MUXERS, muxer);
    }
    out.flush();
    return bytes.toByteArray();
  }

  /**
   * Parses the payload.
   *
   * @throws NoiseException if it is malformed or lacks the identity key or signature
   */
  public static NoiseHandshakePayload decode(byte[] encoded) {
    byte[] key = null;
    byte[] sig = null;
    NoiseExtensions extensions = null;
    try {
      CodedInputStream in = CodedInputStream.newInstance(encoded);
      int tag;
      while ((tag = in.readTag()) != 0) {
        int field = tag >>> 3;
        boolean delimited = (tag & 7) == WIRETYPE_LENGTH_DELIMITED;
        if (field == IDENTITY_KEY && delimited) {
          key = in.readByteArray();
        } else if (field == IDENTITY_SIG && delimited) {
          sig = in.readByteArray();
        } else if (field == EXTENSIONS && delimited) {
          extensions = decodeExtensions(in.readByteArray());
        } else if (!in.skipField(tag)) {
          throw new NoiseException("Handshake payload has an end-group tag");
        }
      }
    } catch (IOException e) {
      throw new NoiseException("Malformed Noise handshake payload: " + e.getMessage(), e);
    }
    if (key == null || key.length == 0 || sig == null || sig.length == 0) {
      throw new NoiseException("Noise handshake payload lacks the identity key or signature");
    }
    return new NoiseHandshakePayload(key, sig, Optional.ofNullable(extensions));
  }

  private static NoiseExtensions decodeExtensions(byte[] encoded) throws IOException {
    List<byte[]> hashes = new ArrayList<>();
    List<String> muxers = new ArrayList<>();
    CodedInputStream in = CodedInputStream.newInstance(encoded);
    int tag;
    while ((tag = in.readTag()) != 0) {
      int field = tag >>> 3;
      boolean delimited = (tag & 7) == WIRETYPE_LENGTH_DELIMITED;
      if (field == CERTHASHES && delimited) {
        hashes.add(in.readByteArray());
      } else if (field == STREAM_MUXERS && delimited) {
        muxers.add(in.readStringRequireUtf8());
      } else if (!in.skipField(tag)) {
        throw new NoiseException("Noise extensions have an end-group tag");
      }
    }
    return new NoiseExtensions(hashes, muxers);
  }
}
