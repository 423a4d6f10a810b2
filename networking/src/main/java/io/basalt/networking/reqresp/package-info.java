/**
 * Request/response protocols with length-prefixed snappy framed payloads, after the consensus
 * p2p-interface.
 */
package io.basalt.networking.reqresp;
