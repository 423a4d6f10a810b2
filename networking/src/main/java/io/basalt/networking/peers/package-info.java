/** Peer management: peer store, bootnodes, dial backoff, bans and misbehaviour scores. */
package io.basalt.networking.peers;
