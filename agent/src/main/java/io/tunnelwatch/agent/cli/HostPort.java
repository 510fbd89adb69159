package io.tunnelwatch.agent.cli;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Formats a bound address for URLs printed to the user. */
final class HostPort {

  private HostPort() {}

  static String format(InetSocketAddress address) {
    InetAddress ip = address.getAddress();
    String host = ip == null ? address.getHostString() : ip.getHostAddress();
    if (ip != null && ip.isAnyLocalAddress()) {
      host = "localhost";
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return host + ":" + address.getPort();
  }
}
