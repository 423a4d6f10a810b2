package io.basalt.consensus.forkchoice;

import org.apache.tuweni.bytes.Bytes;
import org.apache.tuweni.bytes.Bytes32;

/** Readable test roots: {@code root(n)} is n as a big-endian 32-byte number. */
final class Roots {

  private Roots() {}

  static Bytes32 root(long n) {
    return Bytes32.leftPad(Bytes.ofUnsignedLong(n));
  }
}
