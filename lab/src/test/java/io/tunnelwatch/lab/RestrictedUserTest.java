package io.tunnelwatch.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.lab.ios.IosCli;
import io.tunnelwatch.lab.ios.Privilege;
import io.tunnelwatch.lab.sim.ReferenceTopology;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user EXEC (level 1) session: no running configuration, everything else as privileged. */
class RestrictedUserTest {
  private IosCli privileged;
  private IosCli user;

  @BeforeEach
  void setUp() {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    privileged = new IosCli(ReferenceTopology.create(clock).r1());
    user = privileged.withPrivilege(Privilege.USER_EXEC);
    clock.advance(Duration.ofSeconds(30));
  }

  @Test
  void promptShowsTheLevel() {
    assertThat(user.prompt()).isEqualTo("R1>");
    assertThat(privileged.prompt()).isEqualTo("R1#");
    assertThat(user.withPrivilege(Privilege.PRIVILEGED_EXEC).prompt()).isEqualTo("R1#");
  }

  @Test
  void runningConfigIsUnknownInEveryForm() {
    String caretUnderRunningConfig =
        " ".repeat("R1>show ".length()) + "^\n% Invalid input detected at '^' marker.\n\n";
    assertThat(user.answer("show running-config")).isEqualTo(caretUnderRunningConfig);
    assertThat(user.answer("sh run"))
        .isEqualTo(
            " ".repeat("R1>sh ".length()) + "^\n% Invalid input detected at '^' marker.\n\n");
    assertThat(user.answer("show running-config | section crypto"))
        .isEqualTo(caretUnderRunningConfig);
    assertThat(user.answer("show running-config interface Tunnel10"))
        .isEqualTo(caretUnderRunningConfig);
    assertThat(user.answer("show   run int tu10"))
        .isEqualTo(
            " ".repeat("R1>show   ".length()) + "^\n% Invalid input detected at '^' marker.\n\n");
  }

  @Test
  void otherCommandsAnswerAsForThePrivilegedUser() {
    for (String command :
        new String[] {
          "show crypto session",
          "show crypto isakmp sa",
          "show crypto ipsec sa",
          "show interfaces Tunnel10",
          "show ip access-lists",
          "show version",
          "ping 10.0.0.2 source Tunnel10",
          "ping 200.0.0.1",
        }) {
      assertThat(user.answer(command)).as(command).isEqualTo(privileged.answer(command));
    }
    assertThat(user.answer("ping 10.0.0.2")).contains("Success rate is 100 percent (5/5)");
  }

  @Test
  void enableNeedsAPasswordTheLabHasNot() {
    assertThat(user.answer("enable")).isEqualTo("% No password set\n");
    assertThat(privileged.answer("enable")).isEmpty();
  }
}
