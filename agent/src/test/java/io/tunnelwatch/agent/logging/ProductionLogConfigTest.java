package io.tunnelwatch.agent.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.read.ListAppender;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's logback.xml as shipped: one escaped, bounded logfmt line per event; MINA's repeats
 * cut.
 */
class ProductionLogConfigTest {

  private static final String HOSTILE =
      "\u001b[2J\u001b[31mbanner\u0000\r\n2026-01-01T00:00:00Z INFO  PollTask - R1 recovered"
          + "B".repeat(1_000_000);

  private final LoggerContext context = new LoggerContext();
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  @BeforeEach
  void configure() throws JoranException {
    URL config =
        Objects.requireNonNull(
            getClass().getClassLoader().getResource("logback.xml"), "logback.xml");
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(config);
    events.setContext(context);
    events.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(events);
  }

  private String rendered(ILoggingEvent event) {
    OutputStreamAppender<ILoggingEvent> stderr =
        (OutputStreamAppender<ILoggingEvent>)
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
    return new String(stderr.getEncoder().encode(event), StandardCharsets.UTF_8);
  }

  @Test
  void aPeersTextInALibraryMessageBecomesOneEscapedBoundedLine() {
    Logger mina = context.getLogger("org.apache.sshd.client.session.ClientSessionImpl");

    mina.warn("exceptionCaught({}) {}", "ClientSessionImpl[admin@/10.0.0.1:22]", HOSTILE);

    String line = rendered(events.list.get(0));
    assertThat(line).matches("(?s).*B… \\(\\d{6} more\\)\"\n");
    // logfmt doubles the backslashes PeerText writes, inside the quoted value.
    assertThat(line.strip())
        .contains(
            "\\\\x1b[2J\\\\x1b[31mbanner\\\\x00\\\\x0d\\\\x0a2026-01-01T00:00:00Z INFO  PollTask")
        .doesNotContain("\n", "\r", "\u001b", "\u0000")
        .hasSizeLessThan(LogLines.MAX_CHARS * 2 + 100);
  }

  @Test
  void minasRepeatedWarningIsLoggedOnce() {
    Logger mina = context.getLogger("org.apache.sshd.common.session.helpers.AbstractSession");

    for (int poll = 0; poll < 10; poll++) {
      mina.warn("exceptionCaught({})[state={}] SshException: {}", "R1", "Opened", "KEX failed");
    }

    List<String> messages = events.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(messages)
        .containsExactly("exceptionCaught(R1)[state=Opened] SshException: KEX failed");
  }

  @Test
  void theAgentsOwnMessagesAreUnchanged() {
    Logger poll = context.getLogger("io.tunnelwatch.agent.poll.PollTask");

    poll.warn("{}: ssh poll failed ({}): {}", "R1", "timeout", "no prompt within 30000 ms");
    poll.warn("{}: ssh poll failed ({}): {}", "R2", "timeout", "no prompt within 30000 ms");

    assertThat(events.list).hasSize(2);
    assertThat(rendered(events.list.get(0)))
        .matches(
            "ts=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z level=warn"
                + " logger=i.t.a.poll.PollTask msg=\"R1: ssh poll failed \\(timeout\\): no prompt"
                + " within 30000 ms\"\n");
  }
}
