package io.tunnelwatch.agent.report.prometheus;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.ObjectState;
import io.tunnelwatch.agent.events.StateTransition;
import io.tunnelwatch.agent.history.CoverageInterval;
import io.tunnelwatch.agent.history.CpuPeak;
import io.tunnelwatch.agent.history.UsageBucket;
import io.tunnelwatch.agent.report.HistoryData;
import io.tunnelwatch.agent.report.ReportPeriod;
import io.tunnelwatch.agent.report.prometheus.PrometheusClient.Series;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Builds a report's inputs from the exported metrics kept in Prometheus (or Thanos, Mimir), for
 * fleets that keep months there rather than in the agent's own store. States and coverage are
 * sampled every {@code step}, so their edges are exact only to one step (plus the server's
 * lookback); hourly counts come from {@code increase(...[1h])}, rounded.
 */
public final class PrometheusReportSource {

  private static final Duration HOUR = Duration.ofHours(1);

  private final PrometheusClient client;
  private final Duration step;

  public PrometheusReportSource(PrometheusClient client, Duration step) {
    this.client = client;
    this.step = step;
  }

  /** Everything a report on {@code period} and its previous period needs. */
  public HistoryData read(ReportPeriod period) throws IOException, InterruptedException {
    Instant from = period.previous().from();
    Instant last = period.to().minus(step);
    List<StateTransition> transitions = new ArrayList<>();
    states(
        "tunnelwatch_tunnel_up",
        from,
        last,
        s -> ObjectRef.tunnel(s.get("device"), s.get("tunnel")),
        transitions);
    states(
        "tunnelwatch_ike_sa_up",
        from,
        last,
        s -> ObjectRef.peer(s.get("device"), s.get("peer")),
        transitions);
    states(
        "tunnelwatch_ipsec_sa_up",
        from,
        last,
        s -> ObjectRef.flow(s.get("device"), s.get("peer"), s.get("flow")),
        transitions);
    List<CoverageInterval> coverage = new ArrayList<>();
    List<Event> events = new ArrayList<>();
    for (Series s : client.queryRange("tunnelwatch_device_up{source=\"ssh\"}", from, last, step)) {
      device(s, coverage, events);
    }
    for (Series s : client.queryRange("tunnelwatch_ipsec_counters_stalled", from, last, step)) {
      episodes(
          s,
          ObjectRef.flow(s.labels().get("device"), s.labels().get("peer"), s.labels().get("flow")),
          EventKind.COUNTERS_STALLED,
          events);
    }
    Instant firstHourEnd = from.plus(HOUR);
    counts(
        "tunnelwatch_ike_rekeys_total",
        firstHourEnd,
        period.to(),
        EventKind.IKE_REKEY,
        s -> ObjectRef.peer(s.get("device"), s.get("peer")),
        events);
    counts(
        "tunnelwatch_ipsec_rekeys_total",
        firstHourEnd,
        period.to(),
        EventKind.IPSEC_REKEY,
        s -> ObjectRef.flow(s.get("device"), s.get("peer"), s.get("flow")),
        events);
    counts(
        "tunnelwatch_ike_phase1_failures_total",
        firstHourEnd,
        period.to(),
        EventKind.PHASE1_FAILURE,
        s -> ObjectRef.peer(s.get("device"), s.get("peer")),
        events);
    counts(
        "tunnelwatch_ipsec_phase2_failures_total",
        firstHourEnd,
        period.to(),
        EventKind.PHASE2_FAILURE,
        s -> ObjectRef.peer(s.get("device"), s.get("peer")),
        events);
    return new HistoryData(
        events,
        transitions,
        coverage,
        usage(firstHourEnd, period.to()),
        cpu(firstHourEnd, period.to()));
  }

  private void states(
      String metric,
      Instant from,
      Instant to,
      Function<Map<String, String>, ObjectRef> ref,
      List<StateTransition> out)
      throws IOException, InterruptedException {
    for (Series s : client.queryRange(metric, from, to, step)) {
      ObjectRef subject = ref.apply(s.labels());
      ObjectState state = ObjectState.UNKNOWN;
      for (int i = 0; i < s.times().length; i++) {
        ObjectState next = s.values()[i] >= 1 ? ObjectState.UP : ObjectState.DOWN;
        if (next != state) {
          out.add(
              new StateTransition(
                  Instant.ofEpochSecond(s.times()[i]), subject, state, next, metric));
          state = next;
        }
      }
    }
  }

  /** A gauge that is 1 while a condition holds: each run of 1 is an episode. */
  private static void episodes(Series s, ObjectRef ref, EventKind kind, List<Event> out) {
    boolean holding = false;
    for (int i = 0; i < s.times().length; i++) {
      boolean now = s.values()[i] >= 1;
      if (now != holding) {
        out.add(
            condition(
                Instant.ofEpochSecond(s.times()[i]),
                ref,
                kind,
                now ? EventStatus.OPENED : EventStatus.RESOLVED));
        holding = now;
      }
    }
  }

  /** Runs of samples are polled time; runs of 0 are unreachable episodes. */
  private void device(Series s, List<CoverageInterval> coverage, List<Event> events) {
    String device = s.labels().get("device");
    ObjectRef ref = ObjectRef.device(device);
    long stepSeconds = step.toSeconds();
    long[] t = s.times();
    int runStart = 0;
    Long downSince = null;
    for (int i = 0; i < t.length; i++) {
      boolean up = s.values()[i] >= 1;
      if (!up && downSince == null) {
        downSince = t[i];
        events.add(
            condition(
                Instant.ofEpochSecond(t[i]),
                ref,
                EventKind.DEVICE_UNREACHABLE,
                EventStatus.OPENED));
      } else if (up && downSince != null) {
        downSince = null;
        events.add(
            condition(
                Instant.ofEpochSecond(t[i]),
                ref,
                EventKind.DEVICE_UNREACHABLE,
                EventStatus.RESOLVED));
      }
      boolean runEnds = i == t.length - 1 || t[i + 1] - t[i] > stepSeconds;
      if (runEnds) {
        coverage.add(
            new CoverageInterval(
                device,
                Instant.ofEpochSecond(t[runStart]),
                Instant.ofEpochSecond(t[i] + stepSeconds)));
        runStart = i + 1;
      }
    }
  }

  private List<Series> hourly(String promql, Instant firstHourEnd, Instant end)
      throws IOException, InterruptedException {
    // Range windows are open on the left and closed on the right; evaluating one second before
    // each hour ends makes the window hold exactly the samples of [hour, hour + 1h).
    return client.queryRange(promql, firstHourEnd.minusSeconds(1), end.minusSeconds(1), HOUR);
  }

  /** The hour a window evaluated at {@code t} (see {@link #hourly}) stands for. */
  private static Instant hourOf(long t) {
    return Instant.ofEpochSecond(t + 1).minus(HOUR);
  }

  /** {@code increase} over each hour, as that many events at the hour's start. */
  private void counts(
      String metric,
      Instant firstHourEnd,
      Instant end,
      EventKind kind,
      Function<Map<String, String>, ObjectRef> ref,
      List<Event> out)
      throws IOException, InterruptedException {
    for (Series s : hourly("round(increase(" + metric + "[1h]))", firstHourEnd, end)) {
      ObjectRef subject = ref.apply(s.labels());
      for (int i = 0; i < s.times().length; i++) {
        Instant hour = hourOf(s.times()[i]);
        for (long n = 0; n < (long) s.values()[i]; n++) {
          if (kind.isCondition()) {
            out.add(condition(hour, subject, kind, EventStatus.OPENED));
            out.add(condition(hour, subject, kind, EventStatus.RESOLVED));
          } else {
            out.add(
                new Event(
                    hour,
                    subject,
                    kind,
                    EventStatus.OCCURRED,
                    kind.defaultSeverity(),
                    kind.wireName() + " (from Prometheus)",
                    List.of()));
          }
        }
      }
    }
  }

  private static Event condition(Instant at, ObjectRef ref, EventKind kind, EventStatus status) {
    return new Event(
        at,
        ref,
        kind,
        status,
        kind.defaultSeverity(),
        kind.wireName() + " (from Prometheus)",
        List.of());
  }

  private List<UsageBucket> usage(Instant firstHourEnd, Instant end)
      throws IOException, InterruptedException {
    Map<String, long[]> buckets = new HashMap<>();
    Map<String, ObjectRef> refs = new HashMap<>();
    String[] metrics = {
      "tunnelwatch_tunnel_transmit_bytes_total", "tunnelwatch_tunnel_receive_bytes_total"
    };
    for (int m = 0; m < 2; m++) {
      for (Series s : hourly("increase(" + metrics[m] + "[1h])", firstHourEnd, end)) {
        ObjectRef ref = ObjectRef.tunnel(s.labels().get("device"), s.labels().get("tunnel"));
        for (int i = 0; i < s.times().length; i++) {
          String key = ref.key() + "@" + s.times()[i];
          refs.put(key, ref);
          buckets.computeIfAbsent(key, k -> new long[3])[m] += Math.round(s.values()[i]);
          buckets.get(key)[2] = s.times()[i];
        }
      }
    }
    List<UsageBucket> out = new ArrayList<>();
    buckets.forEach((key, b) -> out.add(new UsageBucket(hourOf(b[2]), refs.get(key), b[0], b[1])));
    return out;
  }

  private List<CpuPeak> cpu(Instant firstHourEnd, Instant end)
      throws IOException, InterruptedException {
    List<CpuPeak> out = new ArrayList<>();
    for (Series s :
        hourly(
            "max_over_time(tunnelwatch_device_cpu_ratio{window=\"5s\"}[1h])", firstHourEnd, end)) {
      for (int i = 0; i < s.times().length; i++) {
        out.add(new CpuPeak(hourOf(s.times()[i]), s.labels().get("device"), s.values()[i]));
      }
    }
    return out;
  }
}
