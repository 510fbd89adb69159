package io.tunnelwatch.agent.events;

import io.tunnelwatch.core.model.CpuLoad;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.FailureCounters;
import io.tunnelwatch.core.model.IkeSa;
import io.tunnelwatch.core.model.IkeVersion;
import io.tunnelwatch.core.model.InterfaceCounters;
import io.tunnelwatch.core.model.IpsecCounters;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.SaFailure;
import io.tunnelwatch.core.model.Source;
import io.tunnelwatch.core.model.SpiPair;
import io.tunnelwatch.core.model.TunnelInterface;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A test's fake of R1 as the poller would report it: a healthy reference-topology router whose
 * state each test bends, one field at a time.
 */
final class Router {

  static final String DEVICE = "R1";
  static final String PEER = "200.0.0.1";
  static final String FLOW = "100.0.0.1/32:47->200.0.0.1/32:47";
  static final String TUNNEL = "Tunnel10";

  boolean tunnelUp = true;
  boolean tunnelAdminUp = true;
  boolean tunnelPresent = true;
  long tunnelTx = 1000;
  long tunnelRx = 900;
  String ikeState = "QM_IDLE";
  boolean ikeEstablished = true;
  boolean ikePresent = true;
  long ikeConnId = 1001;
  OptionalLong ikeActiveSeconds = OptionalLong.empty();
  boolean flowPresent = true;
  boolean flowUp = true;
  String spiIn = "0x1A2B3C4D";
  String spiOut = "0x5E6F7A8B";
  long encrypted = 500;
  long decrypted = 400;
  double cpu = 0.05;
  Optional<Duration> uptime = Optional.empty();
  FailureCounters failureCounters = FailureCounters.NONE;
  List<SaFailure> failures = new ArrayList<>();

  DeviceSnapshot at(Instant at) {
    List<TunnelInterface> tunnels = new ArrayList<>();
    if (tunnelPresent) {
      tunnels.add(
          new TunnelInterface(
              TUNNEL,
              tunnelAdminUp,
              tunnelUp,
              "100.0.0.1",
              PEER,
              "GRE/IP",
              new InterfaceCounters(
                  OptionalLong.of(tunnelRx),
                  OptionalLong.of(tunnelRx * 100),
                  OptionalLong.of(tunnelTx),
                  OptionalLong.of(tunnelTx * 100),
                  OptionalLong.of(0),
                  OptionalLong.of(0),
                  OptionalLong.of(0),
                  OptionalLong.of(0))));
    }
    List<IkeSa> ike = new ArrayList<>();
    if (ikePresent) {
      ike.add(
          new IkeSa(
              PEER,
              "100.0.0.1",
              IkeVersion.IKEV1,
              ikeState,
              ikeEstablished,
              OptionalLong.of(ikeConnId),
              OptionalLong.of(80000),
              ikeActiveSeconds));
    }
    List<IpsecFlow> flows = new ArrayList<>();
    if (flowPresent) {
      flows.add(
          new IpsecFlow(
              PEER,
              FLOW,
              "GigabitEthernet0/0",
              flowUp,
              flowUp ? Optional.of(new SpiPair(spiIn, spiOut)) : Optional.empty(),
              flowUp ? OptionalLong.of(3000) : OptionalLong.empty(),
              new IpsecCounters(
                  OptionalLong.of(encrypted),
                  OptionalLong.of(encrypted),
                  OptionalLong.of(decrypted),
                  OptionalLong.of(decrypted),
                  OptionalLong.empty(),
                  OptionalLong.empty(),
                  OptionalLong.of(0),
                  OptionalLong.of(0))));
    }
    return new DeviceSnapshot(
        DEVICE,
        Source.SSH,
        at,
        tunnels,
        ike,
        flows,
        Optional.of(new CpuLoad(cpu, cpu, cpu)),
        uptime,
        failureCounters,
        failures);
  }

  /** Traffic both ways, as between two polls of a busy tunnel. */
  void traffic() {
    encrypted += 150;
    decrypted += 120;
    tunnelTx += 150;
    tunnelRx += 120;
  }
}
