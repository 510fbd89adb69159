package io.tunnelwatch.agent.report.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Keeps the newest N reports of one schedule in its folder. Report files are named {@code
 * NAME-YYYY-MM-DD.EXT} after the start of their period, so name order is time order; files of other
 * schedules and anything else in the folder are never touched.
 */
public final class ReportRetention {

  private ReportRetention() {}

  public static String fileName(String schedule, java.time.LocalDate start, String extension) {
    return schedule + "-" + start + "." + extension;
  }

  /** Deletes all but the newest {@code keep} reports of the schedule; returns what it deleted. */
  public static List<Path> keepLast(Path directory, String schedule, String extension, int keep)
      throws IOException {
    Pattern ours =
        Pattern.compile(
            Pattern.quote(schedule) + "-\\d{4}-\\d{2}-\\d{2}\\." + Pattern.quote(extension));
    List<Path> reports;
    try (Stream<Path> files = Files.list(directory)) {
      reports =
          files.filter(p -> ours.matcher(p.getFileName().toString()).matches()).sorted().toList();
    }
    List<Path> deleted = new ArrayList<>();
    for (int i = 0; i < reports.size() - keep; i++) {
      Files.deleteIfExists(reports.get(i));
      deleted.add(reports.get(i));
    }
    return deleted;
  }
}
