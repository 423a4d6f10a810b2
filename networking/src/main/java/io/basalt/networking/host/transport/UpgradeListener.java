package io.basalt.networking.host.transport;

import io.basalt.networking.host.Direction;
import io.basalt.networking.host.HostException;
import io.basalt.networking.identity.PeerId;
import io.basalt.networking.multiaddr.Multiaddr;
import java.util.Optional;

/** What the upgrade pipeline asks of and tells the host. Called on the connection's event loop. */
public interface UpgradeListener {

  /** After Noise: a reason to refuse the authenticated peer, or empty to go on. */
  Optional<HostException> admit(PeerId peer, Multiaddr remoteAddress, Direction direction);

  /** The connection is secured and multiplexed. */
  void onUpgraded(NettyConnection connection);

  /** An upgraded connection closed. */
  void onClosed(NettyConnection connection);
}
