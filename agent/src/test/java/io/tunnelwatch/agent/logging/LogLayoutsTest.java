package io.tunnelwatch.agent.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class LogLayoutsTest {

  private final Logger logger = new LoggerContext().getLogger("io.tunnelwatch.agent.run.Agent");

  private LoggingEvent event(String message, Throwable thrown) {
    return new LoggingEvent("test", logger, Level.ERROR, message, thrown, new Object[0]);
  }

  @Test
  void logfmtQuotesTheMessageSoQuotesAndEqualsCannotForgeAKey() {
    String line =
        new LogfmtLayout().doLayout(event("R1: peer said \"level=debug\" msg=x\nts=0", null));

    assertThat(line)
        .startsWith("ts=")
        .endsWith(
            " level=error logger=i.t.agent.run.Agent"
                + " msg=\"R1: peer said \\\"level=debug\\\" msg=x\\\\x0ats=0\"\n");
  }

  @Test
  void logfmtCarriesTheStackTraceOnTheSameLine() {
    String line = new LogfmtLayout().doLayout(event("failed", new IllegalStateException("boom")));

    assertThat(line).contains(" err=\"java.lang.IllegalStateException: boom").endsWith("\"\n");
    assertThat(line.strip()).doesNotContain("\n");
  }

  @Test
  void jsonIsOneParseableObjectPerLine() throws IOException {
    String line = new JsonLayout().doLayout(event("R1: \"quoted\"\u001b[2J", new IOException("x")));

    assertThat(line).endsWith("}\n");
    assertThat(line.strip()).doesNotContain("\n");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.path("level").asText()).isEqualTo("error");
    assertThat(json.path("logger").asText()).isEqualTo("io.tunnelwatch.agent.run.Agent");
    assertThat(json.path("msg").asText()).isEqualTo("R1: \"quoted\"\\x1b[2J");
    assertThat(json.path("err").asText()).startsWith("java.io.IOException: x");
    assertThat(json.path("ts").asText()).endsWith("Z");
  }
}
