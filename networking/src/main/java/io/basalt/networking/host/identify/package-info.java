/** {@code /ipfs/id/1.0.0}: the Identify protobuf and the request/answer protocol. */
package io.basalt.networking.host.identify;
