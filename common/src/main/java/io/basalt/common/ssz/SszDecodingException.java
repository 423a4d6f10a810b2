package io.basalt.common.ssz;

/**
 * Bytes that are not a valid SSZ encoding of the expected type: wrong length, bad or out-of-order
 * offsets, a list over its limit, a bitlist without its delimiter bit, a boolean byte other than 0
 * or 1, trailing bytes, and so on. Every decoder reports malformed input with this exception and
 * nothing else.
 *
 * <p>Unchecked on purpose: decoding recurses through generic schemas and record constructors
 * (lambdas), where a checked exception would have to be wrapped at every level. Callers that take
 * bytes from the network catch it at that edge and turn it into a rejection with the message.
 */
public final class SszDecodingException extends RuntimeException {

  public SszDecodingException(String message) {
    super(message);
  }

  public SszDecodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
