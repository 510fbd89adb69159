package io.tunnelwatch.ios.model;

import java.util.List;
import java.util.Optional;

/**
 * An {@code interface:} block of {@code show crypto ipsec sa}.
 *
 * @param name interface carrying the crypto map or tunnel protection
 * @param cryptoMapTag {@code Crypto map tag:}
 * @param localAddress the tag line's {@code local addr}
 * @param flows the proxy-identity blocks under the interface
 */
public record IpsecSaInterface(
    String name,
    Optional<String> cryptoMapTag,
    Optional<String> localAddress,
    List<IpsecSaFlow> flows) {

  public IpsecSaInterface {
    flows = List.copyOf(flows);
  }
}
