/**
 * The JSON-RPC server (Vert.x, kept inside this package): Ethereum-compatible {@code eth_*}, {@code
 * net_*}, {@code web3_*} per shard and the node-wide {@code beacon_*}, {@code shard_*}, {@code
 * node_*} namespaces. Each method is one small {@link io.basalt.node.rpc.RpcMethod} that calls a
 * data provider; parameters are parsed strictly by {@link io.basalt.node.rpc.ParamTypes}.
 */
package io.basalt.node.rpc;
