package io.tunnelwatch.agent.bench;

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
import io.tunnelwatch.agent.report.InMemoryEventHistory;
import io.tunnelwatch.agent.report.RekeyPolicy;
import io.tunnelwatch.agent.report.ReportEngine;
import io.tunnelwatch.agent.report.ReportPeriod;
import io.tunnelwatch.agent.report.ReportRequest;
import io.tunnelwatch.agent.report.Selection;
import io.tunnelwatch.agent.report.StabilityReport;
import io.tunnelwatch.agent.report.TunnelBinding;
import io.tunnelwatch.agent.report.render.ReportFormat;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A 30-day report over 500 tunnels (125 devices × 4 tunnels, one peer and one flow each) with an
 * IPsec rekey every hour, an IKE rekey every day, hourly traffic and CPU, about two outages per
 * tunnel per month, stalls and a polling gap per device; 60 days are generated because the report
 * compares with the previous 30. The report time (read + compute, then each renderer) is set
 * against a baseline measured in the same run: reading the same data and touching every record.
 *
 * <p>Run: see docs/reports.md.
 */
public final class ReportBenchmark {

  static final int DEVICES = 125;
  static final int TUNNELS_PER_DEVICE = 4;
  static final int DAYS = 60;
  static final Instant START = Instant.parse("2026-09-01T00:00:00Z");

  private ReportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = Integer.getInteger("bench.runs", 5);
    Path folder = Files.createTempDirectory("report-bench");
    long built = System.nanoTime();
    Fleet fleet = generate(new Random(42), DEVICES);
    System.out.printf(
        Locale.ROOT,
        "history: %d events, %d transitions, %d usage buckets, %d cpu peaks (built in %.1f s)%n",
        fleet.counts[0],
        fleet.counts[1],
        fleet.counts[2],
        fleet.counts[3],
        (System.nanoTime() - built) / 1e9);
    ReportPeriod period =
        new ReportPeriod(START.plus(Duration.ofDays(30)), START.plus(Duration.ofDays(60)));
    ReportRequest request =
        new ReportRequest(period, Selection.ALL, RekeyPolicy.IOS_DEFAULTS, fleet.bindings);
    ReportEngine engine = new ReportEngine();

    double[] baseline = new double[runs];
    double[] compute = new double[runs];
    double[][] render = new double[ReportFormat.values().length][runs];
    StabilityReport report = null;
    for (int warm = 0; warm < 2; warm++) {
      baseline(fleet.history, period);
      report = engine.compute(request, HistoryData.read(fleet.history, period), period.to());
    }
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      long checksum = baseline(fleet.history, period);
      long t1 = System.nanoTime();
      report = engine.compute(request, HistoryData.read(fleet.history, period), period.to());
      long t2 = System.nanoTime();
      baseline[i] = (t1 - t0) / 1e6;
      compute[i] = (t2 - t1) / 1e6;
      if (checksum == 42) {
        System.out.println("unlikely checksum");
      }
      for (ReportFormat format : ReportFormat.values()) {
        Path out = folder.resolve("bench." + format.extension());
        long r0 = System.nanoTime();
        try (Writer w = Files.newBufferedWriter(out)) {
          format.renderer().render(report, w);
        }
        render[format.ordinal()][i] = (System.nanoTime() - r0) / 1e6;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "report: %d tunnels, %d peers, fleet availability %s %%, %d outages, %d rekeys (%d extra)%n",
        report.tunnels().size(),
        report.peers().size(),
        report.fleet().figures().availabilityPercent().orElseThrow().toPlainString(),
        report.fleet().figures().outages(),
        report.fleet().rekeys().ike() + report.fleet().rekeys().ipsec(),
        report.fleet().rekeys().extra());
    double base = median(baseline);
    System.out.printf(Locale.ROOT, "median of %d runs:%n", runs);
    System.out.printf(Locale.ROOT, "  baseline (read + touch every record): %8.1f ms%n", base);
    System.out.printf(
        Locale.ROOT,
        "  read + compute:                       %8.1f ms (%.2f x baseline)%n",
        median(compute),
        median(compute) / base);
    for (ReportFormat format : ReportFormat.values()) {
      double ms = median(render[format.ordinal()]);
      System.out.printf(
          Locale.ROOT,
          "  render %-4s:                          %8.1f ms (%.2f x baseline), %d KiB%n",
          format.extension(),
          ms,
          ms / base,
          Files.size(folder.resolve("bench." + format.extension())) / 1024);
    }
  }

  /** What any report must at least do: read the data once and look at every record. */
  private static long baseline(InMemoryEventHistory history, ReportPeriod period) {
    HistoryData data = HistoryData.read(history, period);
    long sum = 0;
    for (Event e : data.events()) {
      sum += e.at().getEpochSecond() + e.kind().ordinal() + e.subject().device().length();
    }
    for (StateTransition t : data.transitions()) {
      sum += t.at().getEpochSecond() + t.to().ordinal();
    }
    for (CoverageInterval c : data.coverage()) {
      sum += c.to().getEpochSecond() - c.from().getEpochSecond();
    }
    for (UsageBucket u : data.usage()) {
      sum += u.transmitBytes() + u.receiveBytes();
    }
    for (CpuPeak p : data.cpuPeaks()) {
      sum += (long) (p.maxRatio() * 100);
    }
    return sum;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  record Fleet(InMemoryEventHistory history, List<TunnelBinding> bindings, long[] counts) {}

  static Fleet generate(Random random, int devices) {
    InMemoryEventHistory h = new InMemoryEventHistory();
    List<TunnelBinding> bindings = new ArrayList<>();
    long[] counts = new long[4];
    long hour = 3_600;
    Instant end = START.plus(Duration.ofDays(DAYS));
    for (int d = 0; d < devices; d++) {
      String device = String.format(Locale.ROOT, "branch-%03d", d);
      // one polling gap of 1-6 hours per device somewhere in the 60 days
      Instant gap = START.plusSeconds(hour * (24 + random.nextInt(DAYS * 24 - 48)));
      Instant gapEnd = gap.plusSeconds(hour * (1 + random.nextInt(6)));
      h.add(new CoverageInterval(device, START, gap))
          .add(new CoverageInterval(device, gapEnd, end));
      for (int i = 0; i < DAYS * 24; i++) {
        h.add(new CpuPeak(START.plusSeconds(hour * i), device, 0.05 + random.nextDouble() * 0.6));
        counts[3]++;
      }
      for (int t = 0; t < TUNNELS_PER_DEVICE; t++) {
        String peer = String.format(Locale.ROOT, "203.0.%d.%d", d, t + 1);
        ObjectRef tunnel = ObjectRef.tunnel(device, "Tunnel" + (10 + t));
        ObjectRef ike = ObjectRef.peer(device, peer);
        ObjectRef flow = ObjectRef.flow(device, peer, "10.0.0.1/32:47->10.0.0.2/32:47");
        bindings.add(new TunnelBinding(device, "Tunnel" + (10 + t), peer));
        h.add(transition(START, tunnel, ObjectState.UP))
            .add(transition(START, ike, ObjectState.UP))
            .add(transition(START, flow, ObjectState.UP));
        counts[1] += 3;
        for (int i = 1; i < DAYS * 24; i++) {
          Instant at = START.plusSeconds(hour * i + random.nextInt(60));
          h.add(event(at, flow, EventKind.IPSEC_REKEY, EventStatus.OCCURRED));
          h.add(
              new UsageBucket(
                  START.plusSeconds(hour * i),
                  tunnel,
                  random.nextInt(50_000_000),
                  random.nextInt(50_000_000)));
          counts[0]++;
          counts[2]++;
          if (i % 24 == 0) {
            h.add(event(at.plusSeconds(5), ike, EventKind.IKE_REKEY, EventStatus.OCCURRED));
            counts[0]++;
          }
        }
        // about two outages a month: the line protocol and the SA go down together
        int outages = random.nextInt(5);
        for (int o = 0; o < outages; o++) {
          Instant down = START.plusSeconds(random.nextInt(DAYS * 24 - 2) * hour + 600);
          Instant up = down.plusSeconds(60 + random.nextInt(3_600));
          h.add(transition(down, tunnel, ObjectState.DOWN))
              .add(transition(down, flow, ObjectState.DOWN))
              .add(transition(up, tunnel, ObjectState.UP))
              .add(transition(up.plusSeconds(20), flow, ObjectState.UP))
              .add(event(down, tunnel, EventKind.TUNNEL_DOWN, EventStatus.OPENED))
              .add(event(up, tunnel, EventKind.TUNNEL_DOWN, EventStatus.RESOLVED))
              .add(event(up.plusSeconds(20), flow, EventKind.IPSEC_REKEY, EventStatus.OCCURRED));
          counts[1] += 4;
          counts[0] += 3;
        }
        if (random.nextInt(10) == 0) {
          Instant stall = START.plusSeconds(random.nextInt(DAYS * 24 - 2) * hour);
          h.add(event(stall, flow, EventKind.COUNTERS_STALLED, EventStatus.OPENED))
              .add(
                  event(
                      stall.plusSeconds(900),
                      flow,
                      EventKind.COUNTERS_STALLED,
                      EventStatus.RESOLVED));
          counts[0] += 2;
        }
      }
    }
    return new Fleet(h, bindings, counts);
  }

  private static StateTransition transition(Instant at, ObjectRef ref, ObjectState to) {
    ObjectState from = to == ObjectState.UP ? ObjectState.DOWN : ObjectState.UP;
    return new StateTransition(at, ref, from, to, to.name());
  }

  private static Event event(Instant at, ObjectRef ref, EventKind kind, EventStatus status) {
    return new Event(at, ref, kind, status, kind.defaultSeverity(), kind.wireName(), List.of());
  }
}
