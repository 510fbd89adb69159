package io.tunnelwatch.agent.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.history.JdbcEventHistory;
import io.tunnelwatch.testing.alertmanager.Alertmanager;
import io.tunnelwatch.testing.alertmanager.NotificationRecorder;
import io.tunnelwatch.testing.alertmanager.NotificationRecorder.Notification;
import io.tunnelwatch.testing.prometheus.PrometheusServer;
import io.tunnelwatch.testing.prometheus.PrometheusServer.QueryResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 16's acceptance test: three agent JVMs as one cluster polling a scale lab, one of them
 * killed with SIGKILL while a device it polls has an open fault. Its devices are polled again by
 * the others within one poll interval plus the failure detection; their stitched counters do not
 * reset in Prometheus; the fault's alert stays firing without a second notification and with one
 * opening in the shared history; the killed member gets devices again when it is back, and a
 * rolling restart of all three changes none of that. No router ever has two SSH sessions.
 */
class ClusterFailoverIT {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterFailoverIT.class);

  private static final String SCALE = "60x2";
  private static final Duration INTERVAL = Duration.ofSeconds(5);
  private static final Duration FAILURE_DETECTION = Duration.ofSeconds(3);
  private static final Duration MARGIN = Duration.ofSeconds(3);
  private static final Duration BALANCE = Duration.ofSeconds(90);
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String ALERT = "TunnelwatchTunnelDown";
  private static final String STITCHED = "tunnelwatch_ipsec_packets_encrypted_total";

  @TempDir Path dir;
  private final List<AutoCloseable> closing = new ArrayList<>();
  private Alertmanager alertmanager;
  private NotificationRecorder recorder;
  private ClusterHarness cluster;
  private PrometheusServer prometheus;

  @BeforeEach
  void start() throws Exception {
    recorder = closeLater(NotificationRecorder.start());
    alertmanager = closeLater(Alertmanager.start(dir.resolve("alertmanager"), routing()));
    cluster =
        closeLater(
            ClusterHarness.start(
                dir,
                ClusterHarness.Options.of(SCALE, INTERVAL, FAILURE_DETECTION)
                    .withAlertmanager(alertmanager.url())));
    List<PrometheusServer.Job> jobs =
        cluster.members().stream()
            .map(m -> PrometheusServer.Job.of(m.name(), "127.0.0.1:" + m.httpPort()))
            .toList();
    prometheus =
        closeLater(
            PrometheusServer.start(
                dir.resolve("prometheus"), PrometheusServer.Options.of(jobs, List.of())));
  }

  @AfterEach
  void stop() {
    // The members (by PID) go with the harness; the rest in the reverse order of their start.
    for (int i = closing.size() - 1; i >= 0; i--) {
      try {
        closing.get(i).close();
      } catch (Exception e) {
        LOG.warn("cannot close {}: {}", closing.get(i), e.toString());
      }
    }
  }

  @Test
  void aKilledMembersDevicesMoveWithTheirAlertAndCountersAndARollingRestartKeepsThem()
      throws Exception {
    Instant began = Instant.now();
    cluster.awaitSettled(BALANCE);
    Set<String> routers = cluster.routerNames();
    for (MemberJvm member : cluster.members()) {
      LOG.info("{} polls {} device(s)", member.name(), ClusterHarness.owned(member));
      assertThat(ClusterHarness.owned(member)).as(member.name()).isPositive();
    }
    assertThat(cluster.ownedTotal()).isEqualTo(routers.size());
    LOG.info("three members sharing {} routers after {}", routers.size(), since(began));

    MemberJvm victim = cluster.members().get(1);
    String faulty = victim.lastSuccesses().keySet().iterator().next();
    cluster.lab().router(faulty).setTunnelUp(false);
    JsonNode firing =
        await()
            .atMost(WAIT)
            .alias(ALERT + " of " + faulty + " active in Alertmanager")
            .until(() -> alertmanager.activeAlert(ALERT, "device", faulty), Optional::isPresent)
            .orElseThrow();
    String startsAt = firing.path("startsAt").asText();
    await().atMost(WAIT).until(() -> firingFor(faulty).size() == 1);
    try (AlertWatch watch = AlertWatch.start(alertmanager, ALERT, faulty, Duration.ofMillis(250))) {

      Failover failover = cluster.killAndMeasure(victim, WAIT);
      LOG.info("FAILOVER {}", failover);
      assertThat(failover.longest())
          .as(
              "%s; bound: interval %s + failure detection %s + %s",
              failover, INTERVAL, FAILURE_DETECTION, MARGIN)
          .isLessThanOrEqualTo(INTERVAL.plus(FAILURE_DETECTION).plus(MARGIN));

      assertNoCounterResets(failover);
      assertAlertKept(faulty, startsAt, failover.killed(), watch);

      victim.start();
      cluster.awaitSettled(BALANCE);
      assertThat(ClusterHarness.owned(victim)).as(victim.name() + " back").isPositive();
      LOG.info("{} back and polling {} device(s)", victim.name(), ClusterHarness.owned(victim));
      assertThat(cluster.sessions().sharedRouters()).as("routers with two sessions").isEmpty();

      for (MemberJvm member : cluster.members()) {
        Instant stopping = Instant.now();
        assertThat(member.stop()).as(member.name() + " stopped by SIGTERM").isZero();
        member.start();
        cluster.awaitSettled(BALANCE);
        LOG.info("{} restarted, cluster balanced again after {}", member.name(), since(stopping));
      }
      assertAlertKept(faulty, startsAt, Instant.now(), watch);
    }
    assertThat(cluster.sessions().sharedRouters())
        .as("routers that had two SSH sessions at once")
        .isEmpty();
    assertThat(cluster.sessions().mostAtOnce()).isEqualTo(1);
    assertThat(cluster.logLines("has not let go"))
        .as("handovers that waited for a claim until they gave up")
        .isEmpty();
    LOG.info("the whole scenario took {}", since(began));
  }

  /**
   * In Prometheus, the stitched counter of every device the killed member polled never went down
   * across the move: taken as one series per device, peer and flow whichever member exported it
   * (max: at a handover the old and new owner's samples may both be current for one scrape).
   */
  private void assertNoCounterResets(Failover failover) {
    String devices = String.join("|", new TreeSet<>(failover.repolled().keySet()));
    String selector = STITCHED + "{device=~\"" + devices + "\"}";
    // Until Prometheus has scraped the new owners' polls of every one of them.
    await()
        .atMost(WAIT)
        .alias("Prometheus scraping the new owners' polls")
        .until(
            () ->
                count(
                        "count(count by (device) ("
                            + selector.replace("}", ",job!=\"" + failover.member() + "\"}")
                            + "))")
                    >= failover.repolled().size());
    long window = Duration.between(failover.killed(), Instant.now()).toSeconds() + 60;
    QueryResult exporters =
        prometheus.query("count by (job) (count_over_time(" + selector + "[" + window + "s]))");
    assertThat(exporters.result().size())
        .as("jobs exporting the moved devices' counters over the window: %s", exporters.result())
        .isGreaterThanOrEqualTo(2);
    QueryResult resets =
        prometheus.query(
            "sum(resets((max without (instance, job) (" + selector + "))[" + window + "s:1s]))");
    assertThat(resets.hasData()).as("resets: %s %s", resets.status(), resets.error()).isTrue();
    assertThat(resets.result().get(0).path("value").get(1).asDouble())
        .as("resets of %s across the kill", STITCHED)
        .isZero();
  }

  private double count(String promql) {
    QueryResult r = prometheus.query(promql);
    return r.hasData() ? r.result().get(0).path("value").get(1).asDouble() : 0;
  }

  /**
   * The fault's alert is still the one that first fired (same start), re-sent to Alertmanager after
   * {@code since} by whichever member polls the device now, never resolved, notified once, and the
   * shared history holds one opening of it.
   */
  private void assertAlertKept(String device, String startsAt, Instant since, AlertWatch watch) {
    // The new owner has the condition open again: what it re-announced is what Alertmanager has.
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .alias("the tunnel_down condition of " + device + " open on its new owner")
        .until(() -> cluster.running().stream().anyMatch(m -> conditionOpen(m, device)));
    // Alertmanager keeps an alert without endsAt for its resolve_timeout (5 min) unsent or not:
    // only a re-send moves its updatedAt on.
    await()
        .atMost(WAIT)
        .alias(ALERT + " of " + device + " re-sent since " + since)
        .until(
            () ->
                alertmanager
                    .activeAlert(ALERT, "device", device)
                    .map(a -> Instant.parse(a.path("updatedAt").asText()).isAfter(since))
                    .orElse(false));
    JsonNode active = alertmanager.activeAlert(ALERT, "device", device).orElseThrow();
    assertThat(active.path("startsAt").asText()).isEqualTo(startsAt);
    assertThat(watch.gaps()).as("moments the alert was not active").isEmpty();
    assertThat(recorder.resolved().stream().filter(n -> isFor(n, device)).toList())
        .as("resolved notifications")
        .isEmpty();
    assertThat(firingFor(device)).as("firing notifications").hasSize(1);
    assertThat(openings(device)).as("openings of the fault in the history").hasSize(1);
  }

  private static boolean conditionOpen(MemberJvm member, String device) {
    return member
        .metrics()
        .text()
        .lines()
        .anyMatch(
            l ->
                l.startsWith("tunnelwatch_condition_open{")
                    && l.contains("kind=\"tunnel_down\"")
                    && l.contains("device=\"" + device + "\""));
  }

  private List<Notification> firingFor(String device) {
    return recorder.firing().stream().filter(n -> isFor(n, device)).toList();
  }

  private static boolean isFor(Notification n, String device) {
    return device.equals(n.groupLabels().get("device")) && n.alertNames().contains(ALERT);
  }

  private List<Event> openings(String device) {
    try (EventHistory history = JdbcEventHistory.connectReadOnly(cluster.jdbcUrl())) {
      return history.events(Instant.EPOCH, Instant.now().plusSeconds(60)).stream()
          .filter(e -> e.kind() == EventKind.TUNNEL_DOWN && e.device().equals(device))
          .filter(e -> e.status() == EventStatus.OPENED)
          .toList();
    }
  }

  /** One group per alert and device: a notification for the fault's group is about it alone. */
  private Path routing() throws IOException {
    Path file = dir.resolve("alertmanager.yml");
    Files.writeString(file, recorder.routingAll(List.of("alertname", "device", "tunnel")));
    return file;
  }

  private <T extends AutoCloseable> T closeLater(T resource) {
    closing.add(resource);
    return resource;
  }

  private static String since(Instant start) {
    return String.format(
        java.util.Locale.ROOT,
        "%.1f s",
        Duration.between(start, Instant.now()).toMillis() / 1000.0);
  }
}
