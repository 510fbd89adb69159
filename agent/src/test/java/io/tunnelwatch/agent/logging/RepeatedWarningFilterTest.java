package io.tunnelwatch.agent.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RepeatedWarningFilterTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final RepeatedWarningFilter filter = new RepeatedWarningFilter(now::get);
  private final LoggerContext context = new LoggerContext();
  private final Logger mina = context.getLogger("org.apache.sshd.common.session.helpers.Session");
  private final Logger agent = context.getLogger("io.tunnelwatch.agent.poll.PollTask");

  RepeatedWarningFilterTest() {
    filter.setLoggerPrefix("org.apache.sshd");
    filter.setPeriod("PT5M");
  }

  private FilterReply warn(Logger logger, String format, Object... args) {
    return filter.decide(null, logger, Level.WARN, format, args, null);
  }

  @Test
  void theFirstWarningOfATemplatePassesAndItsRepeatsWithinThePeriodDoNot() {
    assertThat(warn(mina, "exceptionCaught({}) {}", "R1", "kex failed"))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(warn(mina, "exceptionCaught({}) {}", "R1", "kex failed"))
        .isEqualTo(FilterReply.DENY);
    // another device, same template: the library's wording is the key, the agent names devices
    assertThat(warn(mina, "exceptionCaught({}) {}", "R2", "closed")).isEqualTo(FilterReply.DENY);
    // another template passes
    assertThat(warn(mina, "disconnect({}) {}", "R1", "bye")).isEqualTo(FilterReply.NEUTRAL);
  }

  @Test
  void afterThePeriodTheTemplatePassesAgain() {
    warn(mina, "exceptionCaught({})", "R1");
    now.addAndGet(Duration.ofMinutes(5).toNanos() - 1);
    assertThat(warn(mina, "exceptionCaught({})", "R1")).isEqualTo(FilterReply.DENY);

    now.addAndGet(1);
    assertThat(warn(mina, "exceptionCaught({})", "R1")).isEqualTo(FilterReply.NEUTRAL);
    assertThat(warn(mina, "exceptionCaught({})", "R1")).isEqualTo(FilterReply.DENY);
  }

  @Test
  void theAgentsOwnLoggersAndLowerLevelsAreLeftAlone() {
    for (int i = 0; i < 3; i++) {
      assertThat(warn(agent, "{}: ssh poll failed", "R1")).isEqualTo(FilterReply.NEUTRAL);
      assertThat(filter.decide(null, mina, Level.INFO, "connected {}", new Object[] {"R1"}, null))
          .isEqualTo(FilterReply.NEUTRAL);
      // an isWarnEnabled() check has no template and must never be denied
      assertThat(filter.decide(null, mina, Level.WARN, null, null, null))
          .isEqualTo(FilterReply.NEUTRAL);
    }
  }

  @Test
  void errorsAreLimitedLikeWarnings() {
    assertThat(filter.decide(null, mina, Level.ERROR, "fatal {}", new Object[] {1}, null))
        .isEqualTo(FilterReply.NEUTRAL);
    assertThat(filter.decide(null, mina, Level.ERROR, "fatal {}", new Object[] {2}, null))
        .isEqualTo(FilterReply.DENY);
  }

  @Test
  void refusesAPeriodThatIsNotPositive() {
    assertThatThrownBy(() -> filter.setPeriod("PT0S")).isInstanceOf(IllegalArgumentException.class);
  }
}
