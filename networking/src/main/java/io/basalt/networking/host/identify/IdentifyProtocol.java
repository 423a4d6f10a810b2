package io.basalt.networking.host.identify;

import io.basalt.networking.encoding.VarintFrames;
import io.basalt.networking.host.Connection;
import io.basalt.networking.host.DelimitedReader;
import io.basalt.networking.host.Stream;
import io.basalt.networking.host.StreamHandler;
import io.basalt.networking.identity.PeerPublicKey;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@code /ipfs/id/1.0.0}: the side that opens the stream asks; the responder writes one
 * varint-length-prefixed {@code Identify} message and closes the stream.
 */
public final class IdentifyProtocol implements StreamHandler {

  public static final String PROTOCOL_ID = "/ipfs/id/1.0.0";

  private final Function<Connection, IdentifyInfo> localInfo;

  /**
   * @param localInfo what to tell the peer of a connection (the observed address is per connection)
   */
  public IdentifyProtocol(Function<Connection, IdentifyInfo> localInfo) {
    this.localInfo = localInfo;
  }

  @Override
  public void onStream(Stream stream) {
    stream.setReader((s, data) -> {});
    byte[] message = IdentifyCodec.encode(localInfo.apply(stream.connection()));
    stream.write(VarintFrames.encode(message));
    stream.closeWrite();
  }

  /**
   * Asks the peer of {@code connection}; the result's public key is checked against the
   * connection's peer id.
   */
  public static CompletableFuture<IdentifyInfo> request(Connection connection, Duration timeout) {
    return connection
        .openStream(PROTOCOL_ID)
        .thenCompose(
            stream -> {
              DelimitedReader reader = new DelimitedReader(IdentifyCodec.MAX_MESSAGE_SIZE);
              stream.setReader(reader);
              stream.closeWrite();
              return reader
                  .message()
                  .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                  .whenComplete((bytes, error) -> stream.close())
                  .thenApply(bytes -> verified(connection, IdentifyCodec.decode(bytes)));
            });
  }

  private static IdentifyInfo verified(Connection connection, IdentifyInfo info) {
    PeerPublicKey key =
        info.publicKey().orElseThrow(() -> new IdentifyException("identify without public key"));
    if (!connection.remotePeer().matches(key)) {
      throw new IdentifyException("identify key does not belong to " + connection.remotePeer());
    }
    return info;
  }
}
