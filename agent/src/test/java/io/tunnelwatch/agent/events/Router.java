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
public final class Router {

  public static final String DEVICE = "R1";
  public static final String PEER = "200.0.0.1";
  public static final String FLOW = "100.0.0.1/32:47->200.0.0.1/32:47";
  public static final String TUNNEL = "Tunnel10";

  public boolean tunnelUp = true;
  public boolean tunnelAdminUp = true;
  public boolean tunnelPresent = true;
  public long tunnelTx = 1000;
  public long tunnelRx = 900;
  public String ikeState = "QM_IDLE";
  public boolean ikeEstablished = true;
  public boolean ikePresent = true;
  public long ikeConnId = 1001;
  public OptionalLong ikeActiveSeconds = OptionalLong.empty();
  public boolean flowPresent = true;
  public boolean flowUp = true;
  public String spiIn = "0x1A2B3C4D";
  public String spiOut = "0x5E6F7A8B";
  public long encrypted = 500;
  public long decrypted = 400;
  public double cpu = 0.05;
  public Optional<Duration> uptime = Optional.empty();
  public FailureCounters failureCounters = FailureCounters.NONE;
  public List<SaFailure> failures = new ArrayList<>();

  public DeviceSnapshot at(Instant at) {
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
  public void traffic() {
    encrypted += 150;
    decrypted += 120;
    tunnelTx += 150;
    tunnelRx += 120;
  }
}
