package io.tunnelwatch.ios.parse;

import io.tunnelwatch.ios.model.IpsecSa;
import io.tunnelwatch.ios.model.SaDirection;
import io.tunnelwatch.ios.model.SaProtocol;
import java.util.Optional;
import java.util.OptionalLong;

/** Collects one inbound or outbound SA of {@code show crypto ipsec sa} while it is read. */
final class IpsecSaBuilder {
  final SaDirection direction;
  final SaProtocol protocol;
  final String spi;
  Optional<String> transform = Optional.empty();
  Optional<String> mode = Optional.empty();
  OptionalLong connId = OptionalLong.empty();
  Optional<String> flowId = Optional.empty();
  Optional<String> cryptoMap = Optional.empty();
  OptionalLong remainingKilobytes = OptionalLong.empty();
  OptionalLong remainingSeconds = OptionalLong.empty();
  Optional<String> status = Optional.empty();

  IpsecSaBuilder(SaDirection direction, SaProtocol protocol, String spi) {
    this.direction = direction;
    this.protocol = protocol;
    this.spi = spi;
  }

  IpsecSa build() {
    return new IpsecSa(
        direction,
        protocol,
        spi,
        transform,
        mode,
        connId,
        flowId,
        cryptoMap,
        remainingKilobytes,
        remainingSeconds,
        status);
  }
}
