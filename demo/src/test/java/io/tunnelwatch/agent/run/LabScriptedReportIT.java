package io.tunnelwatch.agent.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.agent.cli.TunnelwatchCommand;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.DeviceConfig;
import io.tunnelwatch.agent.events.DeviceStateStore;
import io.tunnelwatch.agent.events.EventFanout;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.TrackerSettings;
import io.tunnelwatch.agent.history.CoverageGaps;
import io.tunnelwatch.agent.history.JdbcEventHistory;
import io.tunnelwatch.agent.metrics.AgentMetrics;
import io.tunnelwatch.agent.poll.DeviceStates;
import io.tunnelwatch.agent.poll.PollTask;
import io.tunnelwatch.agent.report.HistoryData;
import io.tunnelwatch.agent.report.ReportEngine;
import io.tunnelwatch.agent.report.ReportPeriod;
import io.tunnelwatch.agent.report.ReportRequest;
import io.tunnelwatch.agent.report.StabilityReport;
import io.tunnelwatch.agent.report.SubjectReport;
import io.tunnelwatch.demo.DemoConfig;
import io.tunnelwatch.lab.Fault;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.ManualClock;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The whole chain behind a stability report, on a script of lab faults with known durations: the
 * lab's routers over real SSH, the agent's pollers, tracker and SQLite history, then the report
 * engine. One clock drives the lab and the agent, so an hour passes in a few seconds and every
 * figure is exact.
 */
class LabScriptedReportIT {

  private static final String USER = "tunnelwatch";
  private static final String PASSWORD = "report-lab-pass-2f9c";
  private static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
  private static final Duration POLL = Duration.ofMinutes(1);
  private static final long MINUTE = 60_000;

  @TempDir Path dir;
  private final ManualClock clock = new ManualClock(START);
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  @Test
  void aTwentyMinuteTunnelOutageAndAPollingGapGiveExactFigures() throws Exception {
    RunningLab lab =
        ReferenceLab.start(LabOptions.builder().credentials(USER, PASSWORD).clock(clock).build());
    open.add(lab);
    AgentConfig config = DemoConfig.forLab(lab, USER, PASSWORD, "127.0.0.1:0", POLL, dir);
    Map<String, Duration> intervals = new LinkedHashMap<>();
    config.devices().forEach(d -> intervals.put(d.name(), d.interval()));
    JdbcEventHistory history =
        JdbcEventHistory.open(dir.resolve("state"), CoverageGaps.fromIntervals(intervals));
    open.add(history);
    Map<String, TrackerSettings> settings = new LinkedHashMap<>();
    intervals.keySet().forEach(d -> settings.put(d, TrackerSettings.DEFAULTS));
    EventTracker tracker =
        new EventTracker(
            settings, new EventFanout(List.of(history)), clock, DeviceStateStore.none());
    DevicePollers pollers = new DevicePollers(config, clock, name -> null);
    open.add(pollers);
    DeviceStates states = new DeviceStates();
    List<PollTask> tasks = new ArrayList<>();
    for (DeviceConfig device : config.devices()) {
      PollTask task =
          new PollTask(
              device.name(),
              pollers.forDevice(config, device),
              states,
              AgentMetrics.unregistered(),
              tracker.monitor(device.name()).orElseThrow(),
              new HistoryRecorder(device.name(), history, clock));
      tasks.add(task);
      open.add(task);
    }

    // Minute by minute: polls at 0..120; the path R1-R2 is down from just after the poll at
    // minute 10 to just after the poll at minute 30; the agent does not poll from 70 to 90.
    for (int minute = 0; minute <= 120; minute++) {
      boolean agentStopped = minute > 70 && minute < 90;
      if (!agentStopped) {
        tasks.forEach(PollTask::run);
      }
      if (minute == 10) {
        lab.router("R1").injectFault(Fault.TUNNEL_DOWN);
      }
      if (minute == 30) {
        lab.router("R1").healFault(Fault.TUNNEL_DOWN);
      }
      clock.advance(POLL);
    }

    ReportPeriod period = new ReportPeriod(START, START.plus(Duration.ofMinutes(120)));
    StabilityReport report =
        new ReportEngine()
            .compute(ReportRequest.of(period), HistoryData.read(history, period), clock.instant());

    SubjectReport tunnel = tunnel(report, ObjectRef.tunnel("R1", "Tunnel10"));
    // Down from the poll that first saw it (minute 11) to the poll that saw it back (minute 31).
    assertThat(tunnel.figures().outages()).isEqualTo(1);
    assertThat(tunnel.figures().downMillis()).isEqualTo(20 * MINUTE);
    assertThat(tunnel.figures().longestOutageMillis()).isEqualTo(20 * MINUTE);
    // Not polled between minute 70 and 90: unknown, never up.
    assertThat(tunnel.figures().unknownMillis()).isEqualTo(20 * MINUTE);
    assertThat(tunnel.figures().upMillis()).isEqualTo(80 * MINUTE);
    SubjectReport r2 = tunnel(report, ObjectRef.tunnel("R2", "Tunnel12"));
    assertThat(r2.figures().downMillis()).isEqualTo(20 * MINUTE);
    assertThat(report.fleet().figures().outages()).isEqualTo(2);

    // The same store through the command line, as an operator would ask for it.
    Path csv = dir.resolve("report.csv");
    int exit =
        new CommandLine(new TunnelwatchCommand())
            .execute(
                "report",
                "--state-dir",
                dir.resolve("state").toString(),
                "--from",
                period.from().toString(),
                "--to",
                period.to().toString(),
                "--format",
                "csv",
                "--out",
                csv.toString());
    assertThat(exit).isZero();
    List<String> lines = Files.readAllLines(csv);
    List<String> header = List.of(lines.get(0).split(","));
    assertThat(header).startsWith("kind", "device", "name");
    int downSeconds = header.indexOf("down_seconds");
    assertThat(lines)
        .filteredOn(line -> line.startsWith("tunnel,R1,Tunnel10,"))
        .singleElement()
        .satisfies(
            line -> assertThat(Double.parseDouble(line.split(",")[downSeconds])).isEqualTo(1200.0));
  }

  private static SubjectReport tunnel(StabilityReport report, ObjectRef ref) {
    return report.tunnels().stream()
        .filter(t -> t.subject().equals(ref))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no report for " + ref + " in " + report.tunnels()));
  }
}
