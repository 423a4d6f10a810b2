package io.basalt.node.p2p;

/**
 * A gossip payload or request/response message that does not decode: bad snappy, over its size
 * limit, not the topic's SSZ type, or naming another subnet or shard than its topic. The message
 * says which, for logs and REJECT reasons.
 */
public final class MalformedMessageException extends RuntimeException {

  public MalformedMessageException(String message) {
    super(message);
  }

  public MalformedMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
