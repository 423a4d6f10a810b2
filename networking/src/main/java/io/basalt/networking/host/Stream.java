package io.basalt.networking.host;

import io.basalt.networking.identity.PeerId;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * One negotiated yamux stream of a {@link Connection}, speaking one protocol.
 *
 * <p>Writes are asynchronous: the returned future completes once the muxer accepted the bytes.
 * Writes beyond the muxer's send queue wait in a bounded local buffer; when that is full, the write
 * fails with {@link HostException.Reason#BUFFER_FULL}. A writer that waits for its previous write's
 * future (or keeps a few in flight) never hits that limit. Reads arrive through the {@link
 * StreamReader} set with {@link #setReader}. Thread-safe.
 */
public interface Stream {

  /** The negotiated protocol id. */
  String protocol();

  /** Whether we opened the stream. */
  Direction direction();

  Connection connection();

  default PeerId remotePeer() {
    return connection().remotePeer();
  }

  /**
   * Installs the reader; data received before is delivered to it first. Until a reader is set the
   * stream stops reading (the peer is held back by flow control).
   */
  void setReader(StreamReader reader);

  /** Writes bytes; the array must not be changed afterwards. */
  CompletableFuture<Void> write(byte[] data);

  /** Writes the remaining bytes of {@code data} (copied). */
  CompletableFuture<Void> write(ByteBuffer data);

  /** Half-closes: sends FIN after everything written; reading goes on. */
  void closeWrite();

  /** Closes gracefully (FIN) and stops reading. */
  void close();

  /** Aborts the stream (RST); unsent data is dropped. */
  void reset();

  boolean isOpen();

  /** Completes when the stream is finished, like {@link StreamReader#onClosed}. */
  CompletableFuture<Void> closeFuture();
}
