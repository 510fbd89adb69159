package io.tunnelwatch.agent.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.tunnelwatch.agent.logging.JsonLayout;
import io.tunnelwatch.agent.logging.LogfmtLayout;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * {@code --log.format}: logfmt (what logback.xml starts with) or json, as the Prometheus exporters
 * offer; applied to the agent's one appender.
 */
final class LogFormatOption {

  static final String NAMES = "logfmt, json";

  private static final String APPENDER = "STDERR";

  private static final Map<String, Supplier<LayoutBase<ILoggingEvent>>> LAYOUTS =
      Map.of("logfmt", LogfmtLayout::new, "json", JsonLayout::new);

  private LogFormatOption() {}

  /**
   * Gives the appender the format's layout.
   *
   * @throws IllegalArgumentException naming the accepted formats
   */
  static void apply(String format) {
    Supplier<LayoutBase<ILoggingEvent>> layout = LAYOUTS.get(format.toLowerCase(Locale.ROOT));
    if (layout == null) {
      throw new IllegalArgumentException(
          "--log.format must be one of " + NAMES + ", got '" + format + "'");
    }
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Appender<ILoggingEvent> appender = root.getAppender(APPENDER);
    if (!(appender instanceof OutputStreamAppender<ILoggingEvent> stream)) {
      // Someone replaced logback.xml: their configuration decides the format.
      return;
    }
    LoggerContext context = root.getLoggerContext();
    LayoutBase<ILoggingEvent> chosen = layout.get();
    chosen.setContext(context);
    chosen.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(chosen);
    encoder.start();
    stream.stop();
    stream.setEncoder(encoder);
    stream.start();
  }
}
