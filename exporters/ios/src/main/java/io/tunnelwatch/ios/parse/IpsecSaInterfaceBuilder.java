package io.tunnelwatch.ios.parse;

import io.tunnelwatch.ios.model.IpsecSaFlow;
import io.tunnelwatch.ios.model.IpsecSaInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects one {@code interface:} block of {@code show crypto ipsec sa} while it is read. */
final class IpsecSaInterfaceBuilder {
  final String name;
  Optional<String> cryptoMapTag = Optional.empty();
  Optional<String> localAddress = Optional.empty();
  final List<IpsecSaFlow> flows = new ArrayList<>();

  IpsecSaInterfaceBuilder(String name) {
    this.name = name;
  }

  IpsecSaInterface build() {
    return new IpsecSaInterface(name, cryptoMapTag, localAddress, flows);
  }
}
