package io.basalt.node.rpc.subscription;

/** A running subscription; closing it stops its notifications. */
public interface Subscription extends AutoCloseable {

  @Override
  void close();
}
