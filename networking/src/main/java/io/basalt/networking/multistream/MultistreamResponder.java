package io.basalt.networking.multistream;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

/**
 * The listener's side: echoes the header, then answers each proposal with the protocol (done) or
 * {@code na}; {@code ls} is answered with the supported list.
 *
 * <p>The header is sent when the initiator's arrives, as js-libp2p does, so {@link #start()} sends
 * nothing; the initiator's header and first proposal may arrive in one read and are answered
 * together.
 */
public final class MultistreamResponder extends MultistreamNegotiator {

  private final List<String> supported;
  private boolean headerReceived;

  /**
   * @param supported the protocols this side serves; {@code ls} lists them in this order
   */
  public MultistreamResponder(List<String> supported) {
    supported.forEach(MultistreamMessages::encode);
    this.supported = List.copyOf(supported);
  }

  @Override
  public byte[] start() {
    return new byte[0];
  }

  @Override
  Optional<String> onMessage(String line, ByteArrayOutputStream out) {
    if (!headerReceived) {
      if (!line.equals(MultistreamMessages.PROTOCOL_ID)) {
        throw new MultistreamException(
            MultistreamException.Reason.NOT_MULTISTREAM,
            "Expected "
                + MultistreamMessages.PROTOCOL_ID
                + " from the initiator, got '"
                + line
                + "'");
      }
      headerReceived = true;
      out.writeBytes(MultistreamMessages.encode(MultistreamMessages.PROTOCOL_ID));
      return Optional.empty();
    }
    if (supported.contains(line)) {
      out.writeBytes(MultistreamMessages.encode(line));
      return Optional.of(line);
    }
    if (line.equals(MultistreamMessages.LS)) {
      out.writeBytes(MultistreamMessages.encodeList(supported));
    } else {
      out.writeBytes(MultistreamMessages.encode(MultistreamMessages.NA));
    }
    return Optional.empty();
  }
}
