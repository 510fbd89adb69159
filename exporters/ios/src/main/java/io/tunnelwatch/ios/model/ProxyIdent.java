package io.tunnelwatch.ios.model;

import io.tunnelwatch.core.model.TrafficSelector;

/**
 * One side of an IPsec proxy identity: {@code local ident (addr/mask/prot/port): (a/m/p/p)}.
 *
 * @param address network address
 * @param mask the mask as printed: dotted for IPv4, a prefix length for IPv6
 * @param prefixLength prefix length derived from the mask
 * @param protocol IP protocol number, 0 for any
 * @param port port, 0 for any
 */
public record ProxyIdent(String address, String mask, int prefixLength, int protocol, int port) {

  public TrafficSelector toSelector() {
    return new TrafficSelector(address, prefixLength, protocol, port);
  }
}
