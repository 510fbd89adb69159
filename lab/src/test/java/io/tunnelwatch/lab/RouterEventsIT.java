package io.tunnelwatch.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.lab.events.IkeFailReason;
import io.tunnelwatch.lab.events.RouterEvent;
import io.tunnelwatch.lab.events.RouterEvent.Kind;
import io.tunnelwatch.lab.sim.CryptoSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The events each router emits as faults come and go: what an SNMP face turns into traps. */
class RouterEventsIT {
  private static final Duration WAIT = Duration.ofSeconds(5);

  private FaultLab lab;
  private final List<RouterEvent> r1Events = new CopyOnWriteArrayList<>();
  private final List<RouterEvent> r2Events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    lab = new FaultLab();
    lab.r1.addListener(r1Events::add);
    lab.r2.addListener(r2Events::add);
    lab.advance(60);
  }

  @AfterEach
  void stop() throws Exception {
    lab.close();
  }

  private static List<Kind> kinds(List<RouterEvent> events) {
    return events.stream().map(RouterEvent::kind).toList();
  }

  @Test
  void phase1FailuresStopTheTunnelsAndRepeatWithTheClock() {
    lab.r1.injectFault(Fault.PSK_MISMATCH);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(kinds(r1Events))
                    .containsExactly(
                        Kind.IPSEC_TUNNEL_STOP, Kind.IKE_TUNNEL_STOP, Kind.IKE_PROTOCOL_FAILURE));
    RouterEvent.NegotiationFailure failure = (RouterEvent.NegotiationFailure) r1Events.get(2);
    assertThat(failure.failure().reason()).isEqualTo(IkeFailReason.AUTH_FAILURE);
    assertThat(failure.failure().index()).isEqualTo(1);
    RouterEvent.IkeTunnel stop = (RouterEvent.IkeTunnel) r1Events.get(1);
    assertThat(stop.connId()).isEqualTo(1001);
    assertThat(stop.tunnelIndex()).isEqualTo(1);
    assertThat(stop.remoteAddress()).isEqualTo("200.0.0.1");
    await().atMost(WAIT).until(() -> r2Events.size() == 3);

    // Nobody reads the routers now: the lab's own tick notices the retries.
    lab.advance(20);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(kinds(r2Events))
                    .endsWith(Kind.IKE_PROTOCOL_FAILURE, Kind.IKE_PROTOCOL_FAILURE)
                    .hasSize(5));
    assertThat(r2Events.get(4).at()).isEqualTo(lab.clock.instant());

    r1Events.clear();
    lab.r1.healFault(Fault.PSK_MISMATCH);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(kinds(r1Events))
                    .containsExactly(Kind.IKE_TUNNEL_START, Kind.IPSEC_TUNNEL_START));
    RouterEvent.IpsecTunnel start = (RouterEvent.IpsecTunnel) r1Events.get(1);
    CryptoSnapshot crypto = lab.r1.snapshot().crypto();
    assertThat(start.outboundSpi()).isEqualTo(crypto.outbound().spi());
    assertThat(start.inboundSpi()).isEqualTo(crypto.inbound().spi());
    assertThat(start.tunnelIndex()).isEqualTo(2);
    assertThat(((RouterEvent.IkeTunnel) r1Events.get(0)).connId()).isEqualTo(1005);
  }

  @Test
  void phase2FailuresKeepIke() {
    lab.r2.injectFault(Fault.TRANSFORM_SET_MISMATCH);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(kinds(r2Events))
                    .containsExactly(Kind.IPSEC_TUNNEL_STOP, Kind.IPSEC_SETUP_FAILURE));
  }

  @Test
  void tunnelDownAndUpAreLinkTraps() {
    lab.r1.injectFault(Fault.TUNNEL_DOWN);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(r2Events)
                    .contains(
                        new RouterEvent.InterfaceLink(lab.clock.instant(), false, "Tunnel12")));
    lab.advance(5);
    lab.r1.healFault(Fault.TUNNEL_DOWN);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(kinds(r1Events))
                    .containsExactly(
                        Kind.IPSEC_TUNNEL_STOP,
                        Kind.IKE_TUNNEL_STOP,
                        Kind.LINK_DOWN,
                        Kind.LINK_UP,
                        Kind.IKE_TUNNEL_START,
                        Kind.IPSEC_TUNNEL_START));
    assertThat(r1Events.get(3))
        .isEqualTo(new RouterEvent.InterfaceLink(lab.clock.instant(), true, "Tunnel10"));
  }

  @Test
  void aReloadedRouterSaysColdStartWhileItsPeerSeesTheTunnelsGo() {
    lab.r2.injectFault(Fault.REBOOT);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(kinds(r2Events)).containsExactly(Kind.COLD_START);
              assertThat(kinds(r1Events))
                  .containsExactly(Kind.IPSEC_TUNNEL_STOP, Kind.IKE_TUNNEL_STOP, Kind.LINK_DOWN);
            });
    lab.advance(30);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(kinds(r2Events))
                    .containsExactly(
                        Kind.COLD_START,
                        Kind.LINK_UP,
                        Kind.IKE_TUNNEL_START,
                        Kind.IPSEC_TUNNEL_START));
  }

  @Test
  void aFailingListenerDoesNotStopTheOthers() {
    lab.r1.addListener(
        e -> {
          throw new IllegalStateException("broken listener");
        });
    List<RouterEvent> late = new CopyOnWriteArrayList<>();
    lab.r1.addListener(late::add);
    lab.r1.injectFault(Fault.REKEY);
    await().atMost(WAIT).until(() -> late.size() == 4);
    assertThat(kinds(late))
        .containsExactly(
            Kind.IKE_TUNNEL_STOP,
            Kind.IKE_TUNNEL_START,
            Kind.IPSEC_TUNNEL_STOP,
            Kind.IPSEC_TUNNEL_START);
  }
}
