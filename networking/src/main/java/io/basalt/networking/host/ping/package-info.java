/** {@code /ipfs/ping/1.0.0}. */
package io.basalt.networking.host.ping;
