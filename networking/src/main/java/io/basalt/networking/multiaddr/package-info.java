/** Multiaddrs: self-describing network addresses in their text and binary forms. */
package io.basalt.networking.multiaddr;
