package io.tunnelwatch.snmp.mib;

import io.tunnelwatch.core.model.CpuLoad;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.FailureCounters;
import io.tunnelwatch.core.model.IkeSa;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.SaFailure;
import io.tunnelwatch.core.model.Source;
import io.tunnelwatch.core.model.TunnelInterface;
import io.tunnelwatch.snmp.SnmpValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Everything one poll fetched → one {@link DeviceSnapshot} of source SNMP, plus warnings. */
public final class SnmpSnapshotReader {

  private SnmpSnapshotReader() {}

  public static MibRead<DeviceSnapshot> read(String device, Instant collectedAt, SnmpWalks walks) {
    List<MibWarning> warnings = new ArrayList<>();
    List<TunnelInterface> tunnels =
        collect(TunnelInterfaceReader.read(walks.interfaces()), warnings);
    List<IkeSa> ikeSas = collect(IkeTunnelReader.read(walks.ikeTunnels()), warnings);
    List<IpsecFlow> flows =
        collect(
            IpsecTunnelReader.read(walks.ipsecTunnels(), walks.ipsecEndpoints(), walks.ipsecSpis()),
            warnings);
    Optional<CpuLoad> cpu = collect(CpuReader.read(walks.cpu()), warnings);
    FailureCounters counters =
        collect(
            FailureCounterReader.read(walks.ikeGlobalStats(), walks.ipsecGlobalStats()), warnings);
    List<SaFailure> failures =
        collect(
            FailTableReader.read(walks.ikeFailures(), walks.ipsecFailures(), walks.ipsecTunnels()),
            warnings);
    Optional<Duration> uptime = uptime(walks, warnings);
    return new MibRead<>(
        new DeviceSnapshot(
            device,
            Source.SNMP,
            collectedAt,
            tunnels,
            ikeSas,
            flows,
            cpu,
            uptime,
            counters,
            failures),
        warnings);
  }

  /** {@code sysUpTime} as a duration; any other type is a warning and no uptime. */
  public static MibRead<Optional<Duration>> uptime(SnmpValue value) {
    if (value instanceof SnmpValue.TimeTicks t) {
      return new MibRead<>(Optional.of(Duration.ofMillis(t.hundredths() * 10)), List.of());
    }
    return new MibRead<>(
        Optional.empty(),
        List.of(
            new MibWarning(
                "sysUpTime",
                "0",
                "is " + value.typeName() + ", expected TimeTicks; uptime unknown")));
  }

  private static Optional<Duration> uptime(SnmpWalks walks, List<MibWarning> warnings) {
    return collect(uptime(walks.sysUpTime().value()), warnings);
  }

  private static <T> T collect(MibRead<T> read, List<MibWarning> warnings) {
    warnings.addAll(read.warnings());
    return read.value();
  }
}
