package io.basalt.node.rpc;

/**
 * One JSON-RPC method. Implementations are small, stateless apart from the data provider they are
 * given, and never touch storage themselves. The result is anything Jackson serializes (strings,
 * booleans, lists, maps, records, or {@code null} for an Ethereum "not found").
 */
public interface RpcMethod {

  /** The method name, e.g. {@code eth_getBalance}. */
  String name();

  /**
   * Runs the method.
   *
   * @throws RpcException with the JSON-RPC error to return (invalid params, execution errors, ...)
   */
  Object execute(RpcContext context, RpcParams params) throws RpcException;
}
