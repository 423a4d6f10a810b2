/**
 * The shard state transition: the pure rules that validate a shard block against its parent state
 * and the beacon chain, and the same steps run to build a block. No I/O: the beacon chain, trie
 * node store, signature verifier and sender recovery come in through interfaces.
 */
package io.basalt.shard.transition;
