package io.basalt.networking.host;

/** Who opened a connection or stream. */
public enum Direction {
  /** We dialled / opened it. */
  OUTBOUND,
  /** The peer did. */
  INBOUND
}
