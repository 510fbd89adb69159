package io.tunnelwatch.ios.parse;

import io.tunnelwatch.ios.model.CpuUtilization;
import io.tunnelwatch.ios.model.ProcessesCpu;
import io.tunnelwatch.ios.model.ProcessesCpu.CoreCpuUtilization;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses the utilisation lines of {@code show processes cpu [sorted]}, whole or filtered down to
 * {@code | include CPU utilization}. Forms: {@code five seconds: 1%/0%} (total/interrupt) or {@code
 * five seconds: 6%} (IOS-XE per-core), any spacing after the semicolons, and a {@code Core N:}
 * prefix.
 */
public final class ProcessesCpuParser {

  public static final String COMMAND = "show processes cpu";

  private static final Pattern UTILIZATION =
      Pattern.compile(
          "(?:Core (\\d+): )?CPU utilization for five seconds: (\\d+)%(?:/(\\d+)%)?; *"
              + "one minute: (\\d+)%; *five minutes: (\\d+)%");

  /** A process-table row: PID, runtime, invoked, uSecs, then the three windows. */
  private static final Pattern PROCESS_ROW = Pattern.compile("\\d+ +\\d+ +\\d+ +\\d+ +\\S+ .*");

  private static final String[] KNOWN_IGNORED = {
    "PID ",
    "This command only shows",
    "Please use 'show processes cpu platform'",
    "to show processes from",
  };

  private ProcessesCpuParser() {}

  /**
   * Parses the router-wide and per-core utilisation lines.
   *
   * @throws ParseException when no utilisation line is present
   */
  public static Parsed<ProcessesCpu> parse(String output) {
    ParseContext ctx = new ParseContext(COMMAND);
    List<Line> lines = CliText.lines(COMMAND, output);
    if (lines.isEmpty()) {
      throw ctx.fail("empty output; IOS always prints the 'CPU utilization' line");
    }
    CpuUtilization total = null;
    List<CoreCpuUtilization> cores = new ArrayList<>();
    for (Line line : lines) {
      String text = line.text();
      Matcher m = UTILIZATION.matcher(text);
      if (m.matches()) {
        CpuUtilization utilization = utilization(ctx, line, m);
        if (utilization == null) {
          continue;
        }
        if (m.group(1) != null) {
          OptionalInt core = ctx.smallNumber(m.group(1), line);
          if (core.isPresent()) {
            cores.add(new CoreCpuUtilization(core.getAsInt(), utilization));
          }
        } else if (total == null) {
          total = utilization;
        } else {
          ctx.warn(line, "second CPU utilization line, ignored");
        }
      } else if (text.contains("CPU utilization")) {
        ctx.warn(line, "malformed CPU utilization line, skipped");
      } else if (!isKnownIgnored(text)) {
        ctx.unrecognised(line);
      }
    }
    if (total == null && cores.isEmpty()) {
      throw ctx.fail(lines.get(0), "no 'CPU utilization' line: not 'show processes cpu' output");
    }
    return ctx.result(new ProcessesCpu(Optional.ofNullable(total), cores));
  }

  private static @Nullable CpuUtilization utilization(ParseContext ctx, Line line, Matcher m) {
    int fiveSeconds = percent(m.group(2));
    int oneMinute = percent(m.group(4));
    int fiveMinutes = percent(m.group(5));
    OptionalInt interrupt =
        m.group(3) == null ? OptionalInt.empty() : OptionalInt.of(percent(m.group(3)));
    if (fiveSeconds < 0 || oneMinute < 0 || fiveMinutes < 0 || interrupt.orElse(0) < 0) {
      ctx.warn(line, "CPU percentage above 100, skipped");
      return null;
    }
    return new CpuUtilization(fiveSeconds, interrupt, oneMinute, fiveMinutes);
  }

  /** A percentage 0..100, or -1. */
  private static int percent(String digits) {
    long value = Durations.digits(digits, 0, digits.length());
    return value >= 0 && value <= 100 ? (int) value : -1;
  }

  private static boolean isKnownIgnored(String text) {
    for (String prefix : KNOWN_IGNORED) {
      if (text.startsWith(prefix)) {
        return true;
      }
    }
    return PROCESS_ROW.matcher(text).matches();
  }
}
