package io.basalt.networking.reqresp;

import io.basalt.networking.identity.PeerId;

/**
 * Serves one {@link ReqRespProtocol}. Called on an I/O thread with the decoded request; hand slow
 * work to another executor and answer through the channel from there. A thrown exception becomes a
 * {@link ResponseCode#SERVER_ERROR} response.
 */
@FunctionalInterface
public interface RequestHandler {
  void handle(PeerId peer, byte[] request, ResponseChannel response);
}
