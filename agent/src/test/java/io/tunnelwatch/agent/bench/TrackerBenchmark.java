package io.tunnelwatch.agent.bench;

import io.tunnelwatch.agent.events.DeviceMonitor;
import io.tunnelwatch.agent.events.DeviceStateStore;
import io.tunnelwatch.agent.events.EventFanout;
import io.tunnelwatch.agent.events.TrackerSettings;
import io.tunnelwatch.core.model.CpuLoad;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.IkeSa;
import io.tunnelwatch.core.model.IkeVersion;
import io.tunnelwatch.core.model.InterfaceCounters;
import io.tunnelwatch.core.model.IpsecCounters;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.Source;
import io.tunnelwatch.core.model.SpiPair;
import io.tunnelwatch.core.model.TunnelInterface;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Times one poll's event detection plus counter stitching ({@link DeviceMonitor#onSuccess}) for a
 * hub router with many tunnels, each with one IKE peer and one IPsec flow, traffic moving and one
 * flow in ten rekeying at every poll.
 *
 * <p>Run: {@code java -cp agent/target/test-classes:agent/target/classes:<deps>
 * io.tunnelwatch.agent.bench.TrackerBenchmark [tunnels]}
 */
public final class TrackerBenchmark {

  private static final int WARMUP = 2_000;
  private static final int STEPS = 2_000;

  private TrackerBenchmark() {}

  public static void main(String[] args) {
    int tunnels = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    // The detection is timed, not the console: one INFO line per rekey would dominate.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(EventFanout.class))
        .setLevel(ch.qos.logback.classic.Level.WARN);
    DeviceMonitor monitor =
        new DeviceMonitor(
            "HUB",
            TrackerSettings.DEFAULTS,
            new EventFanout(List.of()),
            Clock.systemUTC(),
            DeviceStateStore.none());
    Instant t = Instant.parse("2026-11-28T00:00:00Z");
    for (int i = 0; i < WARMUP; i++) {
      monitor.onSuccess(snapshot(tunnels, i, t.plusSeconds(30L * i)));
    }
    long[] nanos = new long[STEPS];
    for (int i = 0; i < STEPS; i++) {
      DeviceSnapshot s = snapshot(tunnels, WARMUP + i, t.plusSeconds(30L * (WARMUP + i)));
      long start = System.nanoTime();
      monitor.onSuccess(s);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "tunnels=%d median=%.3f ms p99=%.3f ms per poll%n",
        tunnels, nanos[STEPS / 2] / 1e6, nanos[STEPS * 99 / 100] / 1e6);
  }

  private static DeviceSnapshot snapshot(int tunnels, int poll, Instant at) {
    List<TunnelInterface> ifs = new ArrayList<>();
    List<IkeSa> ike = new ArrayList<>();
    List<IpsecFlow> flows = new ArrayList<>();
    for (int n = 0; n < tunnels; n++) {
      String peer = "10." + (n / 250) + "." + (n % 250) + ".1";
      long packets = 1000L + 50L * poll;
      ifs.add(
          new TunnelInterface(
              "Tunnel" + n,
              true,
              true,
              "100.0.0.1",
              peer,
              "GRE/IP",
              new InterfaceCounters(
                  OptionalLong.of(packets),
                  OptionalLong.of(packets * 100),
                  OptionalLong.of(packets),
                  OptionalLong.of(packets * 100),
                  OptionalLong.of(0),
                  OptionalLong.of(0),
                  OptionalLong.of(0),
                  OptionalLong.of(0))));
      ike.add(
          new IkeSa(
              peer,
              "100.0.0.1",
              IkeVersion.IKEV1,
              "QM_IDLE",
              true,
              OptionalLong.of(1000 + n),
              OptionalLong.of(80000)));
      int generation = (poll + n) / 10;
      flows.add(
          new IpsecFlow(
              peer,
              "100.0.0.1/32:47->" + peer + "/32:47",
              "GigabitEthernet0/0",
              true,
              Optional.of(new SpiPair("0x" + n + "A" + generation, "0x" + n + "B" + generation)),
              OptionalLong.of(3000),
              new IpsecCounters(
                  OptionalLong.of(packets),
                  OptionalLong.of(packets),
                  OptionalLong.of(packets),
                  OptionalLong.of(packets),
                  OptionalLong.empty(),
                  OptionalLong.empty(),
                  OptionalLong.of(0),
                  OptionalLong.of(0))));
    }
    return new DeviceSnapshot(
        "HUB", Source.SSH, at, ifs, ike, flows, Optional.of(new CpuLoad(0.1, 0.1, 0.1)));
  }
}
