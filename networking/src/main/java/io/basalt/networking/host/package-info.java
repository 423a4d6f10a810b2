/** The libp2p host: connections, streams by protocol id, listeners; no Netty types. */
package io.basalt.networking.host;
