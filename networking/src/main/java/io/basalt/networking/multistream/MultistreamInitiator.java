package io.basalt.networking.multistream;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

/**
 * The dialer's side: proposes protocols in order of preference until the responder echoes one.
 *
 * <p>Like js-libp2p it pipelines: {@link #start()} returns the multistream header and the first
 * proposal together, saving a round trip; after each {@code na} the next proposal goes out.
 */
public final class MultistreamInitiator extends MultistreamNegotiator {

  private final List<String> protocols;
  private boolean headerReceived;
  private int current;

  /**
   * @param protocols the protocols to propose, most preferred first
   */
  public MultistreamInitiator(List<String> protocols) {
    if (protocols.isEmpty()) {
      throw new IllegalArgumentException("At least one protocol must be proposed");
    }
    protocols.forEach(MultistreamMessages::encode); // rejects over-long ids now, not mid-way
    this.protocols = List.copyOf(protocols);
  }

  @Override
  public byte[] start() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(MultistreamMessages.encode(MultistreamMessages.PROTOCOL_ID));
    out.writeBytes(MultistreamMessages.encode(protocols.get(0)));
    return out.toByteArray();
  }

  @Override
  Optional<String> onMessage(String line, ByteArrayOutputStream out) {
    if (!headerReceived) {
      if (!line.equals(MultistreamMessages.PROTOCOL_ID)) {
        throw new MultistreamException(
            MultistreamException.Reason.NOT_MULTISTREAM,
            "Expected "
                + MultistreamMessages.PROTOCOL_ID
                + " from the responder, got '"
                + line
                + "'");
      }
      headerReceived = true;
      return Optional.empty();
    }
    String proposed = protocols.get(current);
    if (line.equals(proposed)) {
      return Optional.of(proposed);
    }
    if (!line.equals(MultistreamMessages.NA)) {
      throw MultistreamMessages.malformed(
          "answer '" + line + "' to proposal '" + proposed + "' is neither it nor na");
    }
    current++;
    if (current == protocols.size()) {
      throw new MultistreamException(
          MultistreamException.Reason.NO_COMMON_PROTOCOL, "The peer supports none of " + protocols);
    }
    out.writeBytes(MultistreamMessages.encode(protocols.get(current)));
    return Optional.empty();
  }
}
