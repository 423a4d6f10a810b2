package io.basalt.node.validator.slashing;

/**
 * A slashing-protection database or interchange file that cannot be used: written for another
 * chain, missing, malformed, or of an unsupported format. The message is a sentence for the user.
 */
public class SlashingProtectionException extends RuntimeException {

  public SlashingProtectionException(String message) {
    super(message);
  }

  public SlashingProtectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
