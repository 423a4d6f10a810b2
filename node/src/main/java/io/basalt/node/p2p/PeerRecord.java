package io.basalt.node.p2p;

import io.basalt.networking.multiaddr.Multiaddr;
import io.basalt.networking.multiaddr.MultiaddrException;
import io.basalt.networking.peers.BanRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the node stores about one peer: its addresses and its ban. Encoded as a version byte, a
 * count and length-prefixed binary multiaddrs, then an optional ban (expiry in epoch milliseconds
 * and a UTF-8 reason).
 */
record PeerRecord(List<Multiaddr> addresses, Optional<BanRecord> ban) {

  private static final int VERSION = 1;
  private static final int MAX_ADDRESSES = 64;
  private static final int MAX_FIELD_BYTES = 1024;

  PeerRecord {
    addresses = List.copyOf(addresses);
  }

  boolean isEmpty() {
    return addresses.isEmpty() && ban.isEmpty();
  }

  byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeShort(addresses.size());
      for (Multiaddr address : addresses) {
        writeField(out, address.toBytes());
      }
      out.writeBoolean(ban.isPresent());
      if (ban.isPresent()) {
        out.writeLong(ban.get().until().toEpochMilli());
        writeField(out, ban.get().reason().getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Decodes a stored record.
   *
   * @throws IllegalArgumentException if the bytes are not a record this version wrote
   */
  static PeerRecord decode(byte[] encoded) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new IllegalArgumentException("Unknown peer record version " + version);
      }
      int count = in.readUnsignedShort();
      if (count > MAX_ADDRESSES) {
        throw new IllegalArgumentException("Peer record with " + count + " addresses");
      }
      List<Multiaddr> addresses = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        addresses.add(Multiaddr.fromBytes(readField(in)));
      }
      Optional<BanRecord> ban = Optional.empty();
      if (in.readBoolean()) {
        Instant until = Instant.ofEpochMilli(in.readLong());
        ban = Optional.of(new BanRecord(until, new String(readField(in), StandardCharsets.UTF_8)));
      }
      if (in.available() > 0) {
        throw new IllegalArgumentException("Trailing bytes after a peer record");
      }
      return new PeerRecord(addresses, ban);
    } catch (IOException | MultiaddrException e) {
      throw new IllegalArgumentException("Malformed peer record: " + e.getMessage(), e);
    }
  }

  private static void writeField(DataOutputStream out, byte[] field) throws IOException {
    out.writeShort(field.length);
    out.write(field);
  }

  private static byte[] readField(DataInputStream in) throws IOException {
    int length = in.readUnsignedShort();
    if (length > MAX_FIELD_BYTES) {
      throw new IOException("field of " + length + " bytes");
    }
    byte[] field = in.readNBytes(length);
    if (field.length != length) {
      throw new IOException("truncated field");
    }
    return field;
  }
}
