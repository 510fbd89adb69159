package io.tunnelwatch.agent.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import io.tunnelwatch.core.PeerText;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** What every log format takes from an event, the same way: one line, bounded. */
final class LogLines {

  /** Far above any message of the agent's own; only a peer's text gets near it. */
  static final int MAX_CHARS = 4096;

  private LogLines() {}

  /** The event's time in ISO-8601 UTC. */
  static String timestamp(ILoggingEvent event) {
    return Instant.ofEpochMilli(event.getTimeStamp()).toString();
  }

  /** debug, info, warn or error, as the Prometheus exporters write it. */
  static String level(ILoggingEvent event) {
    return event.getLevel().toString().toLowerCase(Locale.ROOT);
  }

  /** The stack trace, escaped and bounded like a message, when the event carries one. */
  static Optional<String> stackTrace(ILoggingEvent event) {
    IThrowableProxy thrown = event.getThrowableProxy();
    return thrown == null
        ? Optional.empty()
        : Optional.of(bounded(ThrowableProxyUtil.asString(thrown)));
  }

  static String message(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    return message == null ? "" : bounded(message);
  }

  /** Control characters escaped, so one event stays one line, and the length bounded. */
  static String bounded(String text) {
    return PeerText.escape(text, MAX_CHARS);
  }
}
