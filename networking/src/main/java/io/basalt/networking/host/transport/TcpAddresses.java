package io.basalt.networking.host.transport;

import io.basalt.networking.host.HostException;
import io.basalt.networking.multiaddr.Multiaddr;
import io.basalt.networking.multiaddr.Protocol;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Optional;

/** Conversions between TCP multiaddrs and socket addresses. */
public final class TcpAddresses {

  private TcpAddresses() {}

  /**
   * The socket address of {@code /ip4|ip6|dns|dns4|dns6/…/tcp/…[/p2p/…]}; names stay unresolved
   * until connect.
   *
   * @throws HostException {@link HostException.Reason#BAD_ADDRESS} for anything else
   */
  public static InetSocketAddress toSocketAddress(Multiaddr address) {
    var components = address.components();
    if (components.size() < 2 || components.get(1).protocol() != Protocol.TCP) {
      throw new HostException(HostException.Reason.BAD_ADDRESS, "not a TCP address: " + address);
    }
    var host = components.get(0);
    int port = Integer.parseInt(components.get(1).valueText());
    try {
      return switch (host.protocol()) {
        case IP4, IP6 -> new InetSocketAddress(InetAddress.getByAddress(host.value()), port);
        case DNS, DNS4, DNS6 -> InetSocketAddress.createUnresolved(host.valueText(), port);
        default ->
            throw new HostException(
                HostException.Reason.BAD_ADDRESS, "not an ip or dns address: " + address);
      };
    } catch (java.net.UnknownHostException e) {
      throw new HostException(HostException.Reason.BAD_ADDRESS, "bad ip in " + address, e);
    }
  }

  /** The multiaddr of a resolved TCP socket address; empty for other address types. */
  public static Optional<Multiaddr> toMultiaddr(SocketAddress socketAddress) {
    if (!(socketAddress instanceof InetSocketAddress inet) || inet.getAddress() == null) {
      return Optional.empty();
    }
    InetAddress ip = inet.getAddress();
    String family = ip instanceof Inet4Address ? "ip4" : "ip6";
    String text = ip.getHostAddress();
    int zone = text.indexOf('%');
    if (zone >= 0) {
      text = text.substring(0, zone);
    }
    return Optional.of(Multiaddr.parse("/" + family + "/" + text + "/tcp/" + inet.getPort()));
  }
}
