package io.basalt.networking.host.identify;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.basalt.networking.identity.KeyFormatException;
import io.basalt.networking.identity.PeerPublicKey;
import io.basalt.networking.multiaddr.Multiaddr;
import io.basalt.networking.multiaddr.MultiaddrException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Identify} protobuf (libp2p identify spec):
 *
 * <pre>
 *   publicKey = 1 (bytes), listenAddrs = 2 (repeated bytes), protocols = 3 (repeated string),
 *   observedAddr = 4 (bytes), protocolVersion = 5 (string), agentVersion = 6 (string),
 *   signedPeerRecord = 8 (bytes)
 * </pre>
 *
 * Decoding skips unknown fields, skips listen addresses we cannot parse (other transports), and
 * bounds list sizes; anything malformed is an {@link IdentifyException}.
 */
public final class IdentifyCodec {

  /** Largest identify message accepted (js-libp2p's limit). */
  public static final int MAX_MESSAGE_SIZE = 8192;

  static final int MAX_ENTRIES = 128;

  private IdentifyCodec() {}

  public static byte[] encode(IdentifyInfo info) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      CodedOutputStream out = CodedOutputStream.newInstance(bytes);
      if (info.publicKey().isPresent()) {
        out.writeByteArray(1, info.publicKey().get().toProtobuf());
      }
      for (Multiaddr address : info.listenAddrs()) {
        out.writeByteArray(2, address.toBytes());
      }
      for (String protocol : info.protocols()) {
        out.writeString(3, protocol);
      }
      if (info.observedAddr().isPresent()) {
        out.writeByteArray(4, info.observedAddr().get().toBytes());
      }
      out.writeString(5, info.protocolVersion());
      out.writeString(6, info.agentVersion());
      if (info.signedPeerRecord().isPresent()) {
        out.writeByteArray(8, info.signedPeerRecord().get());
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses an identify message.
   *
   * @throws IdentifyException if it is not a valid message
   */
  public static IdentifyInfo decode(byte[] encoded) {
    if (encoded.length > MAX_MESSAGE_SIZE) {
      throw new IdentifyException("identify message of " + encoded.length + " bytes");
    }
    String protocolVersion = "";
    String agentVersion = "";
    Optional<PeerPublicKey> publicKey = Optional.empty();
    List<Multiaddr> listenAddrs = new ArrayList<>();
    Optional<Multiaddr> observed = Optional.empty();
    List<String> protocols = new ArrayList<>();
    Optional<byte[]> record = Optional.empty();
    try {
      CodedInputStream in = CodedInputStream.newInstance(encoded);
      int tag;
      while ((tag = in.readTag()) != 0) {
        switch (tag) {
          case (1 << 3) | 2 ->
              publicKey = Optional.of(PeerPublicKey.fromProtobuf(in.readByteArray()));
          case (2 << 3) | 2 -> {
            byte[] address = in.readByteArray();
            checkEntries(listenAddrs.size(), "listen addresses");
            parse(address).ifPresent(listenAddrs::add);
          }
          case (3 << 3) | 2 -> {
            checkEntries(protocols.size(), "protocols");
            protocols.add(in.readStringRequireUtf8());
          }
          case (4 << 3) | 2 -> observed = parse(in.readByteArray());
          case (5 << 3) | 2 -> protocolVersion = in.readStringRequireUtf8();
          case (6 << 3) | 2 -> agentVersion = in.readStringRequireUtf8();
          case (8 << 3) | 2 -> record = Optional.of(in.readByteArray());
          default -> {
            if (!in.skipField(tag)) {
              throw new IdentifyException("malformed field with tag " + tag);
            }
          }
        }
      }
    } catch (InvalidProtocolBufferException e) {
      throw new IdentifyException("malformed identify protobuf: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IdentifyException("unreadable identify protobuf: " + e.getMessage(), e);
    } catch (KeyFormatException e) {
      throw new IdentifyException("bad public key: " + e.getMessage(), e);
    }
    return new IdentifyInfo(
        protocolVersion, agentVersion, publicKey, listenAddrs, observed, protocols, record);
  }

  private static void checkEntries(int count, String what) {
    if (count >= MAX_ENTRIES) {
      throw new IdentifyException("more than " + MAX_ENTRIES + " " + what);
    }
  }

  private static Optional<Multiaddr> parse(byte[] address) {
    try {
      return Optional.of(Multiaddr.fromBytes(address));
    } catch (MultiaddrException e) {
      return Optional.empty();
    }
  }
}
