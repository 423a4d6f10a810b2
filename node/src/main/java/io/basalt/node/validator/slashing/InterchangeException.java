package io.basalt.node.validator.slashing;

/**
 * An EIP-3076 interchange file that cannot be imported: malformed JSON, a missing or invalid field
 * (the message names its path, e.g. {@code data[0].signed_blocks[2].slot}), an unsupported format
 * version or another chain's genesis validators root. Nothing is imported when it is thrown.
 */
public class InterchangeException extends SlashingProtectionException {

  public InterchangeException(String message) {
    super(message);
  }

  public InterchangeException(String message, Throwable cause) {
    super(message, cause);
  }
}
