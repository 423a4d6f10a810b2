/**
 * multistream-select 1.0 ({@code /multistream/1.0.0}): a pure negotiator for each role and a Netty
 * handler that runs one on a channel.
 */
package io.basalt.networking.multistream;
