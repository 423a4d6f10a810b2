/** One-command local multi-node testnet: genesis, node processes, status and fault injection. */
package io.basalt.testnet;
