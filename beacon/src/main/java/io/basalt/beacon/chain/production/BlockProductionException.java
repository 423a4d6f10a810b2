package io.basalt.beacon.chain.production;

/** A block could not be produced; the message says why. */
public final class BlockProductionException extends Exception {

  public BlockProductionException(String message) {
    super(message);
  }

  public BlockProductionException(String message, Throwable cause) {
    super(message, cause);
  }
}
