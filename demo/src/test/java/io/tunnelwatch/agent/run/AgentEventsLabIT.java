package io.tunnelwatch.agent.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventListener;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.ObjectState;
import io.tunnelwatch.agent.events.StateTransition;
import io.tunnelwatch.demo.DemoConfig;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.ManualClock;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.testing.metrics.MetricsEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event detection of the whole agent against the lab's R1 and R2 over real SSH: what the lab's
 * routers really do (rekey when a lifetime runs out, lose the path) is what the listeners hear and
 * what /metrics counts.
 */
class AgentEventsLabIT {

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "events-pass-71d3a";
  private static final String R1_FLOW_LABELS =
      "device=\"R1\",flow=\"100.0.0.1/32:47->200.0.0.1/32:47\",peer=\"200.0.0.1\"";
  private static final String R2_FLOW_LABELS =
      "device=\"R2\",flow=\"200.0.0.1/32:47->100.0.0.1/32:47\",peer=\"100.0.0.1\"";
  private static final ObjectRef R1_FLOW =
      ObjectRef.flow("R1", "200.0.0.1", "100.0.0.1/32:47->200.0.0.1/32:47");
  private static final ObjectRef R1_TUNNEL = ObjectRef.tunnel("R1", "Tunnel10");

  @TempDir Path dir;
  private final ManualClock labClock = new ManualClock(Instant.parse("2026-11-28T10:00:00Z"));
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final List<StateTransition> transitions = new CopyOnWriteArrayList<>();
  private RunningLab lab;
  private Agent agent;

  /** What a history store or alert dispatcher would be given. */
  private final EventListener recorder =
      new EventListener() {
        @Override
        public void onEvent(Event event) {
          events.add(event);
        }

        @Override
        public void onTransition(StateTransition transition) {
          transitions.add(transition);
        }
      };

  /** A listener that breaks on every call: it must not keep the recorder from hearing. */
  private final EventListener broken =
      event -> {
        throw new IllegalStateException("listener bug");
      };

  @BeforeEach
  void start() throws Exception {
    lab =
        ReferenceLab.start(
            LabOptions.builder().credentials(USER, PASSWORD).clock(labClock).build());
    AgentConfig config =
        DemoConfig.forLab(lab, USER, PASSWORD, "127.0.0.1:0", Duration.ofSeconds(1), dir);
    agent = Agent.start(config, Clock.systemUTC(), name -> null, List.of(broken, recorder));
  }

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  private String metrics() {
    return MetricsEndpoint.at(agent.httpAddress()).text();
  }

  private double scrape(String series) {
    return MetricsEndpoint.at(agent.httpAddress()).value(series);
  }

  private List<Event> opened() {
    return events.stream().filter(e -> e.status() == EventStatus.OPENED).toList();
  }

  @Test
  void aRealScheduledRekeyIsCountedAndOpensNothing() throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              String m = metrics();
              // Present at 0 from the first poll, so that rules and dashboards see them.
              assertThat(
                      MetricsEndpoint.value(
                          m, "tunnelwatch_ipsec_rekeys_total{" + R1_FLOW_LABELS + "}"))
                  .hasValue(0.0);
              assertThat(
                      MetricsEndpoint.value(
                          m, "tunnelwatch_ipsec_rekeys_total{" + R2_FLOW_LABELS + "}"))
                  .hasValue(0.0);
              assertThat(
                      MetricsEndpoint.value(
                          m, "tunnelwatch_events_total{device=\"R1\",kind=\"phase1_failure\"}"))
                  .hasValue(0.0);
              assertThat(
                      MetricsEndpoint.value(m, "tunnelwatch_device_reboots_total{device=\"R2\"}"))
                  .hasValue(0.0);
              assertThat(
                      MetricsEndpoint.value(
                          m, "tunnelwatch_ipsec_counters_stalled{" + R1_FLOW_LABELS + "}"))
                  .hasValue(0.0);
            });
    double encryptedBefore =
        scrape("tunnelwatch_ipsec_packets_encrypted_total{" + R1_FLOW_LABELS + "}");

    // The ESP SAs' 3600 s lifetime runs out: both routers install new SPIs.
    labClock.advance(Duration.ofSeconds(3605));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              String m = metrics();
              assertThat(
                      MetricsEndpoint.value(
                          m, "tunnelwatch_ipsec_rekeys_total{" + R1_FLOW_LABELS + "}"))
                  .hasValue(1.0);
              assertThat(
                      MetricsEndpoint.value(
                          m, "tunnelwatch_ipsec_rekeys_total{" + R2_FLOW_LABELS + "}"))
                  .hasValue(1.0);
              assertThat(
                      MetricsEndpoint.value(
                          m, "tunnelwatch_events_total{device=\"R1\",kind=\"ipsec_rekey\"}"))
                  .hasValue(1.0);
            });
    String after = metrics();
    assertThat(
            MetricsEndpoint.value(
                    after, "tunnelwatch_ipsec_packets_encrypted_total{" + R1_FLOW_LABELS + "}")
                .orElseThrow())
        .isGreaterThan(encryptedBefore);
    assertThat(
            MetricsEndpoint.value(
                after, "tunnelwatch_ike_rekeys_total{device=\"R1\",peer=\"200.0.0.1\"}"))
        .hasValue(0.0);
    assertThat(events)
        .filteredOn(e -> e.kind() == EventKind.IPSEC_REKEY)
        .extracting(Event::device, Event::status)
        .containsExactlyInAnyOrder(
            tuple("R1", EventStatus.OCCURRED), tuple("R2", EventStatus.OCCURRED));
    assertThat(events)
        .filteredOn(e -> e.subject().equals(R1_FLOW))
        .singleElement()
        .satisfies(e -> assertThat(e.evidence().get(0).name()).isEqualTo("SPI in/out"));
    assertThat(opened()).isEmpty();
    URI probe =
        URI.create("http://127.0.0.1:" + agent.httpAddress().getPort() + "/probe?target=R2");
    String r2 =
        http.send(HttpRequest.newBuilder(probe).build(), HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(MetricsEndpoint.value(r2, "tunnelwatch_ipsec_rekeys_total{" + R2_FLOW_LABELS + "}"))
        .hasValue(1.0);
    assertThat(r2).doesNotContain("device=\"R1\"");
  }

  @Test
  void aLostPathOpensTunnelDownAndItsReturnResolvesItWithCountersStillMonotonic() throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                scrape("tunnelwatch_tunnel_flaps_total{device=\"R1\",tunnel=\"Tunnel10\"}") == 0.0);
    labClock.advance(Duration.ofSeconds(60));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> scrape("tunnelwatch_ipsec_packets_encrypted_total{" + R1_FLOW_LABELS + "}") > 0);
    double encryptedBefore =
        scrape("tunnelwatch_ipsec_packets_encrypted_total{" + R1_FLOW_LABELS + "}");

    lab.router("R1").setTunnelUp(false);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(opened())
                    .anySatisfy(
                        e -> {
                          assertThat(e.kind()).isEqualTo(EventKind.TUNNEL_DOWN);
                          assertThat(e.subject()).isEqualTo(R1_TUNNEL);
                          assertThat(e.summary()).contains("Tunnel10 line protocol down");
                        }));
    assertThat(transitions)
        .anySatisfy(
            t -> {
              assertThat(t.subject()).isEqualTo(R1_TUNNEL);
              assertThat(t.from()).isEqualTo(ObjectState.UP);
              assertThat(t.to()).isEqualTo(ObjectState.DOWN);
            });
    assertThat(scrape("tunnelwatch_tunnel_flaps_total{device=\"R1\",tunnel=\"Tunnel10\"}"))
        .isEqualTo(1.0);

    lab.router("R1").setTunnelUp(true);
    labClock.advance(Duration.ofSeconds(10));

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(events)
                    .anySatisfy(
                        e -> {
                          assertThat(e.kind()).isEqualTo(EventKind.TUNNEL_DOWN);
                          assertThat(e.status()).isEqualTo(EventStatus.RESOLVED);
                          assertThat(e.subject()).isEqualTo(R1_TUNNEL);
                        }));
    // The rebuilt flow's counters restarted at 0 on the router; the exported series did not.
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        scrape("tunnelwatch_ipsec_packets_encrypted_total{" + R1_FLOW_LABELS + "}"))
                    .isGreaterThan(encryptedBefore));
  }

  @Test
  void aRouterThatStopsAnsweringIsUnreachableUntilItAnswersAgain() throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> scrape("tunnelwatch_device_up{device=\"R2\",source=\"ssh\"}") == 1.0);

    lab.router("R2").stopSsh();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(opened())
                    .singleElement()
                    .satisfies(
                        e -> {
                          assertThat(e.kind()).isEqualTo(EventKind.DEVICE_UNREACHABLE);
                          assertThat(e.subject()).isEqualTo(ObjectRef.device("R2"));
                          assertThat(e.summary()).contains("3 polls in a row failed");
                        }));
    // Availability must not count R2's tunnel as up while nobody can see it.
    assertThat(transitions)
        .anySatisfy(
            t -> {
              assertThat(t.subject()).isEqualTo(ObjectRef.tunnel("R2", "Tunnel12"));
              assertThat(t.to()).isEqualTo(ObjectState.UNKNOWN);
            });
    assertThat(scrape("tunnelwatch_events_total{device=\"R2\",kind=\"device_unreachable\"}"))
        .isEqualTo(1.0);

    lab.router("R2").startSsh();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(events)
                    .anySatisfy(
                        e -> {
                          assertThat(e.kind()).isEqualTo(EventKind.DEVICE_UNREACHABLE);
                          assertThat(e.status()).isEqualTo(EventStatus.RESOLVED);
                        }));
    assertThat(events).noneMatch(e -> e.summary().contains(PASSWORD));
  }
}
