package io.basalt.networking.yamux;

/** The yamux header flags; a frame carries any combination of them. */
public final class Flags {
  /** Opens a stream (or marks a ping request). */
  public static final int SYN = 0x1;

  /** Acknowledges a stream (or marks a ping response). */
  public static final int ACK = 0x2;

  /** Half-closes the sender's direction of a stream. */
  public static final int FIN = 0x4;

  /** Resets a stream immediately in both directions. */
  public static final int RST = 0x8;

  private Flags() {}

  /** Whether {@code flags} has every bit of {@code flag}. */
  public static boolean has(int flags, int flag) {
    return (flags & flag) == flag;
  }
}
