package io.tunnelwatch.agent.logging;

import ch.qos.logback.classic.pattern.Abbreviator;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;

/**
 * {@code --log.format logfmt} (the default, as in the Prometheus exporters): one line per event,
 * {@code ts=... level=info logger=... msg="..."}, plus {@code err="..."} with the stack trace when
 * there is one. Values are quoted where logfmt needs it and escaped by {@link PeerText}, so a
 * peer's text can neither break the line nor forge a key.
 */
public final class LogfmtLayout extends LayoutBase<ILoggingEvent> {

  /** {@code io.tunnelwatch.agent.poll.PollTask} reads as {@code i.t.a.poll.PollTask}. */
  private final Abbreviator loggerNames = new TargetLengthBasedClassNameAbbreviator(20);

  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder line = new StringBuilder(160);
    line.append("ts=").append(LogLines.timestamp(event));
    line.append(" level=").append(LogLines.level(event));
    line.append(" logger=").append(value(loggerNames.abbreviate(event.getLoggerName())));
    line.append(" msg=").append(quoted(LogLines.message(event)));
    LogLines.stackTrace(event).ifPresent(trace -> line.append(" err=").append(quoted(trace)));
    return line.append('\n').toString();
  }

  private static String value(String text) {
    String escaped = LogLines.bounded(text);
    return escaped.isEmpty() || needsQuotes(escaped) ? quoted(escaped) : escaped;
  }

  private static boolean needsQuotes(String text) {
    return text.chars().anyMatch(c -> c == ' ' || c == '=' || c == '"');
  }

  private static String quoted(String escaped) {
    return '"' + escaped.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
