package io.tunnelwatch.agent.report.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.agent.config.ReportScheduleConfig;
import io.tunnelwatch.agent.report.Histories;
import io.tunnelwatch.agent.report.ReportPeriod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduleTest {

  @TempDir Path dir;

  /** A clock the test moves forward by hand. */
  private static final class ManualClock extends Clock {
    private Instant now;

    ManualClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static String[] names(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
    }
  }

  @Test
  void periodsAreTheLastCompleteUtcDayIsoWeekAndMonth() {
    Instant now = Instant.parse("2026-11-04T06:00:00Z"); // a Wednesday

    assertThat(PeriodKind.PREVIOUS_DAY.before(now))
        .isEqualTo(period("2026-11-03T00:00:00Z", "2026-11-04T00:00:00Z"));
    assertThat(PeriodKind.PREVIOUS_WEEK.before(now))
        .isEqualTo(period("2026-10-26T00:00:00Z", "2026-11-02T00:00:00Z"));
    assertThat(PeriodKind.PREVIOUS_MONTH.before(now))
        .isEqualTo(period("2026-10-01T00:00:00Z", "2026-11-01T00:00:00Z"));
    assertThat(PeriodKind.fromConfig("previous_week")).isEqualTo(PeriodKind.PREVIOUS_WEEK);
  }

  private static ReportPeriod period(String from, String to) {
    return new ReportPeriod(Instant.parse(from), Instant.parse(to));
  }

  @Test
  void retentionKeepsTheLastNReportsOfTheScheduleAndNothingElseIsTouched() throws Exception {
    Path folder = dir.resolve("reports");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("notes.txt"), "mine");
    Files.writeString(folder.resolve("weekly-2026-01-05.csv"), "other schedule");
    ManualClock clock = new ManualClock(Instant.parse("2026-11-02T06:00:00Z"));
    ScheduledReport daily =
        new ScheduledReport(
            new ReportScheduleConfig(
                "daily", "0 0 6 * * ?", "previous_day", "csv", folder.toString(), 3),
            Histories.twoRouters(),
            clock);

    for (int day = 0; day < 5; day++) {
      daily.run();
      clock.advance(Duration.ofDays(1));
    }

    assertThat(names(folder))
        .containsExactly(
            "daily-2026-11-03.csv",
            "daily-2026-11-04.csv",
            "daily-2026-11-05.csv",
            "notes.txt",
            "weekly-2026-01-05.csv");
  }

  @Test
  void theReportCoversThePreviousDay() throws Exception {
    ScheduledReport daily =
        new ScheduledReport(
            new ReportScheduleConfig(
                "daily", "0 0 6 * * ?", "previous_day", "json", dir.toString(), 2),
            Histories.twoRouters(),
            Clock.fixed(Instant.parse("2026-11-03T06:00:00Z"), ZoneOffset.UTC));

    Path file = daily.run();

    assertThat(file.getFileName()).hasToString("daily-2026-11-02.json");
    assertThat(Files.readString(file))
        .contains("\"from\" : \"2026-11-02T00:00:00Z\"")
        .contains("\"percent\" : 95.556");
  }

  @Test
  void quartzFiresTheCronScheduleAndTheReportAppears() throws Exception {
    Path folder = dir.resolve("cron");
    ReportScheduleConfig everySecond =
        new ReportScheduleConfig(
            "often", "* * * * * ?", "previous_day", "html", folder.toString(), 1);

    try (ReportScheduler scheduler =
        new ReportScheduler(
            java.util.List.of(everySecond),
            Histories.twoRouters(),
            Clock.fixed(Instant.parse("2026-11-03T06:00:00Z"), ZoneOffset.UTC))) {
      scheduler.start();

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> Files.exists(folder.resolve("often-2026-11-02.html")));
    }
    assertThat(Files.readString(folder.resolve("often-2026-11-02.html")))
        .contains("Tunnel stability report");
  }
}
