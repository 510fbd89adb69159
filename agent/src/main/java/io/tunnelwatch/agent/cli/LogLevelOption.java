package io.tunnelwatch.agent.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * {@code --log.level}: the levels Prometheus exporters accept, applied to the root logger. It wins
 * over {@code TUNNELWATCH_LOG_LEVEL}, which sets the level logback starts with.
 */
final class LogLevelOption {

  static final String NAMES = "debug, info, warn, error";

  private static final Map<String, Level> LEVELS =
      Map.of("debug", Level.DEBUG, "info", Level.INFO, "warn", Level.WARN, "error", Level.ERROR);

  private LogLevelOption() {}

  /**
   * Sets the root logger's level.
   *
   * @throws IllegalArgumentException naming the accepted levels
   */
  static void apply(String level) {
    Level parsed = LEVELS.get(level.toLowerCase(Locale.ROOT));
    if (parsed == null) {
      throw new IllegalArgumentException(
          "--log.level must be one of " + NAMES + ", got '" + level + "'");
    }
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(parsed);
  }
}
