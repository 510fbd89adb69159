package io.tunnelwatch.agent.history;

import static io.tunnelwatch.agent.history.HistoryFixtures.FLOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.agent.alerting.Alert;
import io.tunnelwatch.agent.alerting.OutboxJournal;
import io.tunnelwatch.agent.events.DeviceMonitor;
import io.tunnelwatch.agent.events.DeviceStateStore;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.ObjectState;
import io.tunnelwatch.agent.events.Router;
import io.tunnelwatch.agent.events.SavedDeviceState;
import io.tunnelwatch.agent.events.Severity;
import io.tunnelwatch.agent.events.StateTransition;
import io.tunnelwatch.agent.events.TrackedDevice;
import io.tunnelwatch.agent.events.TrackerSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JdbcEventHistory} backend must do; run against SQLite and against a real
 * PostgreSQL.
 */
abstract class EventHistoryContractTest {

  private static final Instant T0 = Instant.parse("2026-11-28T10:00:00.123456789Z");
  private static final Instant FAR_PAST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant FAR_FUTURE = Instant.parse("2100-01-01T00:00:00Z");
  static final CoverageGaps GAPS =
      new CoverageGaps(Duration.ofSeconds(90), Map.of("R2", Duration.ofSeconds(30)));

  private final List<JdbcEventHistory> opened = new ArrayList<>();

  /** A URL of an empty database for this test. */
  abstract String jdbcUrl();

  @AfterEach
  void closeAll() {
    opened.forEach(JdbcEventHistory::close);
  }

  private JdbcEventHistory open() {
    JdbcEventHistory store = JdbcEventHistory.connect(jdbcUrl(), GAPS);
    opened.add(store);
    return store;
  }

  @Test
  void theLatestEventsAreTheNewestBeforeTheGivenTimeOldestFirst() {
    JdbcEventHistory store = open();
    for (int i = 0; i < 5; i++) {
      store.append(HistoryFixtures.rekey(T0.plusSeconds(i)));
    }

    List<Event> latest = store.latestEvents(T0.plusSeconds(4), 3);

    assertThat(latest)
        .extracting(Event::at)
        .containsExactly(T0.plusSeconds(1), T0.plusSeconds(2), T0.plusSeconds(3));
    assertThat(store.latestEvents(T0, 3)).isEmpty();
  }

  @Test
  void eventsOfEveryShapeComeBackEqual() {
    JdbcEventHistory store = open();
    List<Event> written =
        List.of(
            HistoryFixtures.phase1Opened(T0, "IKE phase 1 to 200.0.0.1 stuck in MM_NO_STATE"),
            HistoryFixtures.rekey(T0.plusSeconds(1)),
            new Event(
                T0.plusSeconds(2),
                ObjectRef.tunnel("R2", "Tunnel12"),
                EventKind.TUNNEL_DOWN,
                EventStatus.RESOLVED,
                Severity.CRITICAL,
                "Tunnel12 line protocol up again",
                List.of()),
            new Event(
                T0.plusSeconds(3),
                ObjectRef.device("R2"),
                EventKind.DEVICE_REBOOT,
                EventStatus.OCCURRED,
                Severity.WARNING,
                "R2 rebooted: sysUpTime went from 5d to 3m; check 'show version' for the reason",
                List.of()));
    written.forEach(store::append);

    assertThat(store.events(FAR_PAST, FAR_FUTURE)).containsExactlyElementsOf(written);
  }

  @Test
  void transitionsComeBackEqual() {
    JdbcEventHistory store = open();
    StateTransition down =
        new StateTransition(
            T0, ObjectRef.peer("R1", "200.0.0.1"), ObjectState.UP, ObjectState.DOWN, "MM_NO_STATE");
    StateTransition up =
        new StateTransition(
            T0.plusSeconds(60),
            ObjectRef.flow("R1", "200.0.0.1", FLOW),
            ObjectState.UNKNOWN,
            ObjectState.UP,
            "");
    store.append(down);
    store.onTransition(up);

    assertThat(store.transitions(FAR_PAST, FAR_FUTURE)).containsExactly(down, up);
  }

  @Test
  void periodsAreHalfOpen() {
    JdbcEventHistory store = open();
    Event first = HistoryFixtures.rekey(T0);
    Event second = HistoryFixtures.rekey(T0.plusSeconds(10));
    store.append(first);
    store.append(second);

    assertThat(store.events(T0, T0.plusSeconds(10))).containsExactly(first);
    assertThat(store.events(T0.plusSeconds(10), T0.plusSeconds(11))).containsExactly(second);
    assertThat(store.events(T0.minusSeconds(1), T0)).isEmpty();
    assertThat(store.events(Instant.MIN, Instant.MAX)).containsExactly(first, second);
  }

  @Test
  void pollsExtendTheOpenIntervalUntilAGapLongerThanAllowed() {
    JdbcEventHistory store = open();
    // R1: fallback gap of 90 s
    store.recordPoll("R1", T0, true);
    store.recordPoll("R1", T0.plusSeconds(30), false);
    store.recordPoll("R1", T0.plusSeconds(120), true); // 90 s after the last: still covered
    store.recordPoll("R1", T0.plusSeconds(211), true); // 91 s: a new interval
    store.recordPoll("R1", T0.plusSeconds(240), true);
    // R2: its own gap of 30 s
    store.recordPoll("R2", T0, true);
    store.recordPoll("R2", T0.plusSeconds(31), true);

    assertThat(store.coverage(FAR_PAST, FAR_FUTURE))
        .containsExactly(
            new CoverageInterval("R1", T0, T0.plusSeconds(120)),
            new CoverageInterval("R1", T0.plusSeconds(211), T0.plusSeconds(240)),
            new CoverageInterval("R2", T0, T0),
            new CoverageInterval("R2", T0.plusSeconds(31), T0.plusSeconds(31)));
  }

  @Test
  void coverageIsClippedToThePeriodAndContinuesAfterARestart() {
    JdbcEventHistory store = open();
    store.recordPoll("R1", T0, true);
    store.recordPoll("R1", T0.plusSeconds(60), true);
    store.close();

    JdbcEventHistory reopened = open();
    reopened.recordPoll("R1", T0.plusSeconds(90), true);

    assertThat(reopened.coverage(FAR_PAST, FAR_FUTURE))
        .containsExactly(new CoverageInterval("R1", T0, T0.plusSeconds(90)));
    assertThat(reopened.coverage(T0.plusSeconds(10), T0.plusSeconds(20)))
        .containsExactly(new CoverageInterval("R1", T0.plusSeconds(10), T0.plusSeconds(20)));
    assertThat(reopened.coverage(T0.plusSeconds(91), FAR_FUTURE)).isEmpty();
  }

  @Test
  void usageKeepsHourlyDeltasAndNeverANegativeOne() {
    JdbcEventHistory store = open();
    ObjectRef tunnel = ObjectRef.tunnel("R1", "Tunnel10");
    Instant hour = Instant.parse("2026-11-28T10:00:00Z");
    store.recordUsage(new UsageSample(hour.plusSeconds(60), tunnel, 1_000, 5_000)); // baseline
    store.recordUsage(new UsageSample(hour.plusSeconds(120), tunnel, 1_500, 5_100));
    store.recordUsage(new UsageSample(hour.plusSeconds(3000), tunnel, 2_000, 5_300));
    store.recordUsage(new UsageSample(hour.plusSeconds(3000), tunnel, 9_999, 9_999)); // stale
    store.recordUsage(new UsageSample(hour.plusSeconds(3700), tunnel, 100, 6_300)); // tx went back
    store.recordUsage(new UsageSample(hour.plusSeconds(3800), tunnel, 400, 6_400));

    assertThat(store.usage(FAR_PAST, FAR_FUTURE))
        .containsExactly(
            new UsageBucket(hour, tunnel, 1_000, 300),
            new UsageBucket(hour.plusSeconds(3600), tunnel, 300, 1_100));
    assertThat(store.usage(hour.plusSeconds(1), FAR_FUTURE))
        .containsExactly(new UsageBucket(hour.plusSeconds(3600), tunnel, 300, 1_100));
  }

  @Test
  void usageOfAFlowContinuesFromItsBaselineAfterARestart() {
    ObjectRef flow = ObjectRef.flow("R1", "200.0.0.1", FLOW);
    Instant hour = Instant.parse("2026-11-28T10:00:00Z");
    JdbcEventHistory store = open();
    store.recordUsage(new UsageSample(hour, flow, 10, 20));
    store.close();

    JdbcEventHistory reopened = open();
    reopened.recordUsage(new UsageSample(hour.plusSeconds(30), flow, 15, 27));

    assertThat(reopened.usage(FAR_PAST, FAR_FUTURE))
        .containsExactly(new UsageBucket(hour, flow, 5, 7));
  }

  @Test
  void cpuKeepsTheHourlyPeak() {
    JdbcEventHistory store = open();
    Instant hour = Instant.parse("2026-11-28T10:00:00Z");
    store.recordCpu("R1", hour.plusSeconds(10), 0.20);
    store.recordCpu("R1", hour.plusSeconds(20), 0.95);
    store.recordCpu("R1", hour.plusSeconds(30), 0.40);
    store.recordCpu("R2", hour.plusSeconds(30), 0.05);
    store.recordCpu("R1", hour.plusSeconds(3600), 0.10);

    assertThat(store.cpuPeaks(FAR_PAST, FAR_FUTURE))
        .containsExactly(
            new CpuPeak(hour, "R1", 0.95),
            new CpuPeak(hour, "R2", 0.05),
            new CpuPeak(hour.plusSeconds(3600), "R1", 0.10));
  }

  @Test
  void badSamplesAreRefusedNamingWhatWasExpectedAndStoreNothing() {
    JdbcEventHistory store = open();
    assertThatThrownBy(() -> store.recordCpu("R1", T0, 1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("between 0 and 1");
    assertThatThrownBy(() -> store.recordCpu("R1", T0, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> store.recordUsage(new UsageSample(T0, ObjectRef.peer("R1", "200.0.0.1"), 1, 1)))
        .hasMessageContaining("per tunnel or IPsec flow");
    assertThatThrownBy(
            () -> store.recordUsage(new UsageSample(T0, ObjectRef.tunnel("R1", "Tunnel10"), -1, 1)))
        .hasMessageContaining("expected byte totals >= 0");

    assertThat(store.cpuPeaks(FAR_PAST, FAR_FUTURE)).isEmpty();
    assertThat(store.usage(FAR_PAST, FAR_FUTURE)).isEmpty();
  }

  /** A state with something in every part: open conditions, rekeys, traffic, counters. */
  private static SavedDeviceState busyState() {
    List<Event> heard = new ArrayList<>();
    DeviceMonitor monitor =
        new DeviceMonitor(
            Router.DEVICE,
            TrackerSettings.DEFAULTS,
            heard::add,
            Clock.fixed(T0, ZoneOffset.UTC),
            DeviceStateStore.none());
    Router router = new Router();
    router.uptime = Optional.of(Duration.ofDays(3));
    monitor.onSuccess(router.at(T0));
    router.traffic();
    router.spiIn = "0x0BADCAFE"; // a rekey
    monitor.onSuccess(router.at(T0.plusSeconds(30)));
    router.tunnelUp = false;
    router.ikeState = "MM_NO_STATE";
    router.ikeEstablished = false;
    router.cpu = 0.97;
    for (int i = 2; i < 5; i++) {
      monitor.onSuccess(router.at(T0.plusSeconds(30L * i)));
    }
    assertThat(heard).extracting(Event::status).contains(EventStatus.OPENED);
    return monitor.saved();
  }

  @Test
  void aSavedDeviceStateComesBackEqualAfterTheStoreIsReopened() {
    SavedDeviceState saved = busyState();
    assertThat(saved.tracked().open()).isNotEmpty();
    assertThat(saved.tracked().rekeys()).isNotEmpty();
    assertThat(saved.series()).isNotEmpty();
    JdbcEventHistory first = open();
    first.deviceStates().save(saved);
    first.close();

    assertThat(open().deviceStates().load(Router.DEVICE)).contains(saved);
  }

  @Test
  void aLaterSaveReplacesTheEarlierAndRemoveForgets() {
    JdbcEventHistory store = open();
    DeviceStateStore states = store.deviceStates();
    SavedDeviceState busy = busyState();
    SavedDeviceState fresh =
        new SavedDeviceState(TrackedDevice.initial(Router.DEVICE), Map.of(), T0, T0);

    states.save(busy);
    states.save(fresh);
    assertThat(states.load(Router.DEVICE)).contains(fresh);
    assertThat(states.load("R9")).isEmpty();

    states.remove(Router.DEVICE);
    assertThat(states.load(Router.DEVICE)).isEmpty();
  }

  private static Alert alert(String key, Optional<Instant> endsAt) {
    return new Alert(
        key,
        Map.of("alertname", "TunnelwatchTunnelDown", "device", "R1", "tunnel", "Tunnel10"),
        Map.of("summary", "R1: Tunnel10 is down", "runbook_url", "https://example.org/r#t"),
        "http://agent:9417/#device-R1",
        T0,
        endsAt);
  }

  @Test
  void journaledAlertsWaitPerDestinationUntilDeliveredAcrossAReopen() {
    Alert firing = alert("R1/tunnel/Tunnel10 tunnel_down", Optional.empty());
    Alert resolved = alert(firing.key(), Optional.of(T0.plusSeconds(90)));
    Alert other = alert("R1 high_cpu", Optional.empty());
    JdbcEventHistory first = open();
    OutboxJournal journal = first.alertOutbox();
    journal.keep("http://am1:9093", firing);
    journal.keep("http://am2:9093", firing);
    journal.keep("http://am1:9093", other);
    journal.delivered("http://am1:9093", List.of(other));
    journal.keep("http://am1:9093", resolved);
    // A delivery of the older state does not forget the newer one.
    journal.delivered("http://am1:9093", List.of(firing));
    first.close();

    OutboxJournal reopened = open().alertOutbox();
    assertThat(reopened.waiting("http://am1:9093")).containsExactly(resolved);
    assertThat(reopened.waiting("http://am2:9093")).containsExactly(firing);
    reopened.delivered("http://am1:9093", List.of(resolved));
    assertThat(reopened.waiting("http://am1:9093")).isEmpty();
  }

  @Test
  void eventsBeforeAndAfterARestartAreAllThereOnceEach() {
    JdbcEventHistory first = open();
    List<Event> before = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      before.add(HistoryFixtures.rekey(T0.plusSeconds(i)));
      first.onEvent(before.get(i));
    }
    first.close();

    JdbcEventHistory second = open();
    List<Event> after = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      after.add(HistoryFixtures.phase1Opened(T0.plusSeconds(100 + i), "after restart " + i));
      second.onEvent(after.get(i));
    }

    List<Event> all = new ArrayList<>(before);
    all.addAll(after);
    assertThat(second.events(FAR_PAST, FAR_FUTURE)).containsExactlyElementsOf(all);
  }

  @Test
  void concurrentWritersEachGetTheirOwnRow() throws Exception {
    JdbcEventHistory store = open();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Long>> ids = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Instant at = T0.plusMillis(i);
        ids.add(pool.submit(() -> store.append(HistoryFixtures.rekey(at))));
      }
      List<Long> got = new ArrayList<>();
      for (Future<Long> id : ids) {
        got.add(id.get());
      }
      assertThat(got).doesNotHaveDuplicates().hasSize(40);
      assertThat(store.events(FAR_PAST, FAR_FUTURE)).hasSize(40);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFileAtThePreviousVersionIsMigratedKeepingItsEvents() throws SQLException {
    Event old = HistoryFixtures.phase1Opened(T0, "recorded by the previous version");
    try (JdbcEventHistory v1 =
        JdbcEventHistory.connect(jdbcUrl(), GAPS, 1, Clock.fixed(T0, ZoneOffset.UTC))) {
      v1.append(old);
      assertThatThrownBy(() -> v1.recordCpu("R1", T0, 0.5))
          .isInstanceOf(HistoryStoreException.class)
          .hasMessageContaining("cpu_hourly");
    }

    JdbcEventHistory latest = open();
    latest.recordCpu("R1", T0, 0.5);
    latest.recordPoll("R1", T0, true);

    assertThat(latest.events(FAR_PAST, FAR_FUTURE)).containsExactly(old);
    assertThat(latest.cpuPeaks(FAR_PAST, FAR_FUTURE)).hasSize(1);
    try (Connection c = DriverManager.getConnection(jdbcUrl());
        Statement s = c.createStatement()) {
      assertThat(column(s, "SELECT version FROM schema_version ORDER BY version"))
          .containsExactly("1", "2", "3");
    }
  }

  @Test
  void aFileFromANewerVersionIsRefusedUntouched() throws SQLException {
    open().close();
    try (Connection c = DriverManager.getConnection(jdbcUrl());
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO schema_version VALUES (99, 'from the future', 0)");
    }

    assertThatThrownBy(() -> JdbcEventHistory.connect(jdbcUrl(), GAPS))
        .isInstanceOf(HistoryStoreException.class)
        .hasMessageContaining("schema version 99")
        .hasMessageContaining("knows versions up to 3");
  }

  static List<String> column(Statement s, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }
}
