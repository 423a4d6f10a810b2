package io.basalt.networking.multistream;

/**
 * Fired down a channel pipeline by {@link MultistreamHandler} when a protocol is agreed, before any
 * bytes of that protocol are passed on: a listener installs the protocol's handlers on this event.
 */
public record ProtocolNegotiatedEvent(String protocol) {}
