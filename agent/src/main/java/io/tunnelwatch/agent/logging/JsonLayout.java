package io.tunnelwatch.agent.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * {@code --log.format json}: one JSON object per line, {@code
 * {"ts","level","logger","thread","msg"}} and {@code "err"} with the stack trace when there is one,
 * for log shippers that parse JSON.
 */
public final class JsonLayout extends LayoutBase<ILoggingEvent> {

  private final JsonFactory json = new JsonFactory();

  @Override
  public String doLayout(ILoggingEvent event) {
    StringWriter out = new StringWriter(200);
    try (JsonGenerator line = json.createGenerator(out)) {
      line.writeStartObject();
      line.writeStringField("ts", LogLines.timestamp(event));
      line.writeStringField("level", LogLines.level(event));
      line.writeStringField("logger", LogLines.bounded(event.getLoggerName()));
      line.writeStringField("thread", LogLines.bounded(event.getThreadName()));
      line.writeStringField("msg", LogLines.message(event));
      Optional<String> trace = LogLines.stackTrace(event);
      if (trace.isPresent()) {
        line.writeStringField("err", trace.get());
      }
      line.writeEndObject();
    } catch (IOException e) {
      // A StringWriter does not fail.
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }
}
