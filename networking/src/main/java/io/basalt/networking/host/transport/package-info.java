/** Netty internals of the host: TCP, the Noise + yamux upgrade pipeline, stream channels. */
package io.basalt.networking.host.transport;
