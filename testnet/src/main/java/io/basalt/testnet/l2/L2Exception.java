package io.basalt.testnet.l2;

/** A refused L2 operation or a failed exchange with Layer 1, with a reason fit to print. */
public final class L2Exception extends Exception {

  public L2Exception(String message) {
    super(message);
  }

  public L2Exception(String message, Throwable cause) {
    super(message, cause);
  }
}
