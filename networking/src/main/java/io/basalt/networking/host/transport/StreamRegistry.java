package io.basalt.networking.host.transport;

import io.basalt.networking.host.StreamHandler;
import java.util.List;
import java.util.Optional;

/** The protocol handlers inbound streams are dispatched to (the host's protocol table). */
public interface StreamRegistry {

  /** The protocol ids we answer in multistream-select, in preference order. */
  List<String> protocols();

  Optional<StreamHandler> handler(String protocol);
}
