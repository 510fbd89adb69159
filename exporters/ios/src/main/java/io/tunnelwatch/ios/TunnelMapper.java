package io.tunnelwatch.ios;

import io.tunnelwatch.core.model.InterfaceCounters;
import io.tunnelwatch.core.model.TunnelInterface;
import io.tunnelwatch.ios.model.InterfaceStatistics;
import io.tunnelwatch.ios.model.InterfaceStatus;
import io.tunnelwatch.ios.model.TunnelSettings;
import java.util.List;
import java.util.Optional;

/** Tunnel interfaces of {@code show interfaces} → {@link TunnelInterface}. */
final class TunnelMapper {

  private TunnelMapper() {}

  static List<TunnelInterface> tunnels(List<InterfaceStatus> interfaces) {
    return interfaces.stream()
        .filter(i -> i.name().startsWith("Tunnel"))
        .map(TunnelMapper::tunnel)
        .toList();
  }

  private static TunnelInterface tunnel(InterfaceStatus status) {
    Optional<TunnelSettings> settings = status.tunnel();
    // IOS names only the interface when the source interface has no address yet
    String source =
        settings
            .flatMap(TunnelSettings::sourceAddress)
            .or(() -> settings.flatMap(TunnelSettings::sourceInterface))
            .orElse("");
    return new TunnelInterface(
        status.name(),
        status.enabled(),
        status.lineProtocolUp(),
        source,
        settings.flatMap(TunnelSettings::destination).orElse(""),
        settings.flatMap(TunnelSettings::transport).orElse(""),
        counters(status.statistics()));
  }

  private static InterfaceCounters counters(InterfaceStatistics s) {
    return new InterfaceCounters(
        s.inputPackets(),
        s.inputBytes(),
        s.outputPackets(),
        s.outputBytes(),
        s.inputErrors(),
        s.outputErrors(),
        s.inputQueueDrops(),
        s.totalOutputDrops());
  }
}
