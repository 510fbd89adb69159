package io.tunnelwatch.agent.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.tunnelwatch.core.PeerText;

/** What every log format does to the text of an event: one line, bounded. */
final class LogLines {

  /** Far above any message of the agent's own; only a peer's text gets near it. */
  static final int MAX_CHARS = 4096;

  private LogLines() {}

  static String message(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    return message == null ? "" : bounded(message);
  }

  /** Control characters escaped, so one event stays one line, and the length bounded. */
  static String bounded(String text) {
    return PeerText.escape(text, MAX_CHARS);
  }
}
