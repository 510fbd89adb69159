package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.report.render.ReportFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;

/** Reads the history once, computes a report and writes it; shared by the command and schedules. */
public final class ReportGenerator {

  /** Upper bound for "everything recorded"; far beyond any real poll, valid for every store. */
  static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");

  private final ReportEngine engine = new ReportEngine();
  private final Clock clock;

  public ReportGenerator(Clock clock) {
    this.clock = clock;
  }

  public StabilityReport generate(EventHistory history, ReportRequest request) {
    return engine.compute(request, HistoryData.read(history, request.period()), clock.instant());
  }

  /** The span from the first to the last recorded poll, if the history holds any. */
  public static Optional<ReportPeriod> recordedSpan(EventHistory history) {
    var coverage = history.coverage(Instant.EPOCH, END_OF_TIME);
    if (coverage.isEmpty()) {
      return Optional.empty();
    }
    Instant from =
        coverage.stream().map(c -> c.from()).min(Comparator.naturalOrder()).orElseThrow();
    Instant to = coverage.stream().map(c -> c.to()).max(Comparator.naturalOrder()).orElseThrow();
    return from.isBefore(to) ? Optional.of(new ReportPeriod(from, to)) : Optional.empty();
  }

  /**
   * Writes the report next to its destination first, then moves it in place, so that a reader (a
   * web server, a mail job) never sees half a report. The directory must exist: creating it is the
   * caller's decision.
   */
  public static void write(StabilityReport report, ReportFormat format, Path out)
      throws IOException {
    Path target = out.toAbsolutePath();
    // Not Files.createTempFile, which makes the file 0600: a report is output like any other and
    // gets the process umask's permissions (0644 under the usual 022), so a web server can read it.
    Path temp = target.resolveSibling(".report-" + UUID.randomUUID() + ".tmp");
    try {
      try (Writer writer =
          Files.newBufferedWriter(
              temp,
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE)) {
        format.renderer().render(report, writer);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
