package io.basalt.beacon.chain;

/** A block or slot transition failed; the message says which rule the block broke. */
public final class BlockTransitionException extends Exception {

  public BlockTransitionException(String message) {
    super(message);
  }

  public BlockTransitionException(String message, Throwable cause) {
    super(message, cause);
  }
}
