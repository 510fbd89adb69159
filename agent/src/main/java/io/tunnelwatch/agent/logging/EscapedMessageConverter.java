package io.tunnelwatch.agent.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.tunnelwatch.core.PeerText;

/**
 * {@code %escapedMsg}: the log message with control characters escaped and its length bounded, so
 * that one event is one line whatever a library put in it. The agent's own messages quote device
 * text with {@link PeerText} already (escaping again changes nothing); this is the safety net for
 * libraries such as MINA, whose messages carry what a peer sent and which the agent cannot change.
 */
public final class EscapedMessageConverter extends ClassicConverter {

  /** Far above any message of the agent's own; only a peer's text gets near it. */
  static final int MAX_CHARS = 4096;

  @Override
  public String convert(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    return message == null ? "" : PeerText.escape(message, MAX_CHARS);
  }
}
