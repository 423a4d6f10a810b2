package io.basalt.networking.multistream;

import io.basalt.networking.encoding.DecodingException;
import io.basalt.networking.encoding.FrameTooLargeException;
import io.basalt.networking.encoding.VarintFrames;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The multistream-select message format: {@code varint(length) || utf8(line) || '\n'}, the newline
 * counted in the length.
 */
public final class MultistreamMessages {

  public static final String PROTOCOL_ID = "/multistream/1.0.0";
  public static final String NA = "na";
  public static final String LS = "ls";

  /** As go-multistream and js-libp2p: protocol ids are short, a longer line is an attack. */
  public static final int MAX_MESSAGE_LENGTH = 1024;

  private MultistreamMessages() {}

  /** The framed message for {@code line} (without its newline). */
  public static byte[] encode(String line) {
    byte[] utf8 = (line + "\n").getBytes(StandardCharsets.UTF_8);
    if (utf8.length > MAX_MESSAGE_LENGTH) {
      throw new IllegalArgumentException("multistream line of " + utf8.length + " bytes");
    }
    return VarintFrames.encode(utf8);
  }

  /**
   * The answer to {@code ls}: one message whose body is the framed protocol lines followed by a
   * newline, as go-multistream writes it.
   */
  static byte[] encodeList(List<String> protocols) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String protocol : protocols) {
      body.writeBytes(encode(protocol));
    }
    body.write('\n');
    return VarintFrames.encode(body.toByteArray());
  }

  /**
   * Reads one message from {@code in}, advancing past it.
   *
   * @return the line without its newline, or empty when {@code in} holds only part of a message
   * @throws MultistreamException for an oversize, unterminated or non-UTF-8 message
   */
  public static Optional<String> read(ByteBuffer in) {
    Optional<byte[]> frame;
    try {
      frame = VarintFrames.read(in, MAX_MESSAGE_LENGTH);
    } catch (FrameTooLargeException e) {
      throw new MultistreamException(
          MultistreamException.Reason.MESSAGE_TOO_LONG,
          "multistream message of " + e.announcedLength() + " bytes exceeds " + MAX_MESSAGE_LENGTH);
    } catch (DecodingException e) {
      throw malformed("bad length prefix: " + e.getMessage());
    }
    if (frame.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = frame.get();
    if (bytes.length == 0 || bytes[bytes.length - 1] != '\n') {
      throw malformed("message does not end with a newline");
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 0, bytes.length - 1))
              .toString());
    } catch (CharacterCodingException e) {
      throw malformed("message is not valid UTF-8");
    }
  }

  static MultistreamException malformed(String detail) {
    return new MultistreamException(
        MultistreamException.Reason.MALFORMED_MESSAGE, "Malformed multistream message: " + detail);
  }
}
