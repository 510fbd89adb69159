package io.tunnelwatch.agent.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Lets through the first warning (or error) of a library logger per message template and per
 * period, and drops its repeats, counting them; the next one let through is followed by how many
 * were dropped. A library such as MINA logs the same warning at every poll of a device whose key
 * exchange fails or whose session is closed, which would bury the agent's own log (that says once
 * when a device starts failing and once when it recovers).
 *
 * <p>The template, not the formatted text, is the key: the text differs by device, address and
 * port, and a key per text would let a fleet of failing devices flood the log again and make the
 * map grow without bound. The agent's own failure line names every device, so nothing is lost but
 * the library's repetition. Configured in {@code logback.xml}:
 *
 * <pre>{@code
 * <turboFilter class="io.tunnelwatch.agent.logging.RepeatedWarningFilter">
 *   <loggerPrefix>org.apache.sshd</loggerPrefix>
 *   <period>PT5M</period>
 * </turboFilter>
 * }</pre>
 */
public final class RepeatedWarningFilter extends TurboFilter {

  /** More templates than any library has warnings; past it, counting starts over. */
  static final int MAX_TEMPLATES = 1024;

  private final LongSupplier nanoTime;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private volatile String loggerPrefix = "org.apache.sshd";
  private volatile Duration period = Duration.ofMinutes(5);

  public RepeatedWarningFilter() {
    this(System::nanoTime);
  }

  RepeatedWarningFilter(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** Loggers whose name starts with this are limited; the agent's own are not. */
  public void setLoggerPrefix(String loggerPrefix) {
    this.loggerPrefix = loggerPrefix;
  }

  /** An ISO-8601 duration such as {@code PT5M}: how long repeats of a template are dropped. */
  public void setPeriod(String period) {
    Duration parsed = Duration.parse(period);
    if (parsed.isNegative() || parsed.isZero()) {
      throw new IllegalArgumentException("period must be positive, was " + period);
    }
    this.period = parsed;
  }

  /**
   * One template's current period: when it began, how many repeats were dropped in it, and how many
   * in the period before (said once, when the period begins).
   */
  private record Window(long startNanos, int dropped, int droppedBefore, long beforeNanos) {}

  @Override
  public FilterReply decide(
      @Nullable Marker marker,
      Logger logger,
      Level level,
      @Nullable String format,
      Object @Nullable [] params,
      @Nullable Throwable t) {
    // Called for every logging call, before the level check: cheap exits first.
    if (format == null || !level.isGreaterOrEqual(Level.WARN)) {
      return FilterReply.NEUTRAL;
    }
    String name = logger.getName();
    if (!name.startsWith(loggerPrefix)) {
      return FilterReply.NEUTRAL;
    }
    if (windows.size() >= MAX_TEMPLATES) {
      windows.clear();
    }
    long now = nanoTime.getAsLong();
    Window window =
        windows.compute(
            name + ' ' + format,
            (k, w) -> {
              if (w == null) {
                return new Window(now, 0, 0, 0);
              }
              if (now - w.startNanos() >= period.toNanos()) {
                return new Window(now, 0, w.dropped(), now - w.startNanos());
              }
              return new Window(w.startNanos(), w.dropped() + 1, 0, 0);
            });
    if (window.dropped() > 0) {
      return FilterReply.DENY;
    }
    if (window.droppedBefore() > 0) {
      LoggerFactory.getLogger(RepeatedWarningFilter.class)
          .warn(
              "{} repeat(s) of the next warning from {} were not logged in the last {} s",
              window.droppedBefore(),
              name,
              Duration.ofNanos(window.beforeNanos()).toSeconds());
    }
    return FilterReply.NEUTRAL;
  }
}
