package io.tunnelwatch.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.lab.ios.IosCli;
import io.tunnelwatch.lab.sim.ReferenceTopology;
import io.tunnelwatch.lab.sim.Side;
import io.tunnelwatch.lab.sim.TunnelLink;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ping}: IOS's syntax and layout, and who answers in each state of the tunnel. */
class PingTest {
  private static final String INVALID = "^\n% Invalid input detected at '^' marker.\n\n";

  private ManualClock clock;
  private ReferenceTopology topology;
  private IosCli r1;
  private IosCli r2;

  @BeforeEach
  void setUp() {
    clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    topology = ReferenceTopology.create(clock);
    r1 = new IosCli(topology.r1());
    r2 = new IosCli(topology.r2());
    clock.advance(Duration.ofSeconds(5));
  }

  @Test
  void peerPublicAddressAnswers() {
    assertThat(r1.answer("ping 200.0.0.1"))
        .isEqualTo(
            """
            Type escape sequence to abort.
            Sending 5, 100-byte ICMP Echos to 200.0.0.1, timeout is 2 seconds:
            !!!!!
            Success rate is 100 percent (5/5), round-trip min/avg/max = 1/1/4 ms
            """);
  }

  @Test
  void sourceLineEndsInABlankAsInIos() {
    assertThat(r1.answer("ping 200.0.0.1 source GigabitEthernet0/0"))
        .isEqualTo(
            """
            Type escape sequence to abort.
            Sending 5, 100-byte ICMP Echos to 200.0.0.1, timeout is 2 seconds:
            Packet sent with a source address of 100.0.0.1\s
            !!!!!
            Success rate is 100 percent (5/5), round-trip min/avg/max = 1/1/4 ms
            """);
  }

  @Test
  void peerTunnelAddressAnswersThroughTheTunnel() {
    assertThat(r1.answer("ping 10.0.0.2 source Tunnel10"))
        .isEqualTo(
            """
            Type escape sequence to abort.
            Sending 5, 100-byte ICMP Echos to 10.0.0.2, timeout is 2 seconds:
            Packet sent with a source address of 10.0.0.1\s
            !!!!!
            Success rate is 100 percent (5/5), round-trip min/avg/max = 2/2/4 ms
            """);
    assertThat(r2.answer("ping 10.0.0.1 source Tunnel12")).contains("(5/5)");
    assertThat(r1.answer("ping 172.1.1.1 source GigabitEthernet0/1")).contains("(5/5)");
  }

  @Test
  void anyOtherAddressLosesEveryEcho() {
    assertThat(r1.answer("ping 8.8.8.8"))
        .isEqualTo(
            """
            Type escape sequence to abort.
            Sending 5, 100-byte ICMP Echos to 8.8.8.8, timeout is 2 seconds:
            .....
            Success rate is 0 percent (0/5)
            """);
    assertThat(r1.answer("ping 10.0.0.3")).contains("(0/5)");
  }

  @Test
  void ownAddressesAnswer() {
    for (String own : new String[] {"100.0.0.1", "192.168.1.1", "10.0.0.1"}) {
      assertThat(r1.answer("ping " + own))
          .as(own)
          .endsWith(
              "!!!!!\nSuccess rate is 100 percent (5/5), round-trip min/avg/max = 1/1/1 ms\n");
    }
  }

  @Test
  void keywordsComeInAnyOrderAndAbbreviated() {
    String expected =
        """
        Type escape sequence to abort.
        Sending 3, 36-byte ICMP Echos to 200.0.0.1, timeout is 1 seconds:
        Packet sent with a source address of 192.168.1.1\s
        !!!
        Success rate is 100 percent (3/3), round-trip min/avg/max = 1/2/4 ms
        """;
    assertThat(r1.answer("ping 200.0.0.1 source Gi0/1 repeat 3 timeout 1 size 36"))
        .isEqualTo(expected);
    assertThat(r1.answer("ping ip 200.0.0.1 si 36 t 1 rep 3 so 192.168.1.1")).isEqualTo(expected);
    assertThat(r1.answer("PING 200.0.0.1 timeout 1 source GigabitEthernet 0/1 size 36 r 3"))
        .isEqualTo(expected);
  }

  @Test
  void bangsWrapAfterSeventy() {
    assertThat(r1.answer("ping 200.0.0.1 repeat 150").lines().toList())
        .containsSubsequence(
            "!".repeat(70),
            "!".repeat(70),
            "!".repeat(10),
            "Success rate is 100 percent (150/150), round-trip min/avg/max = 1/1/4 ms");
    assertThat(r1.answer("ping 200.0.0.1 repeat 1"))
        .endsWith("!\nSuccess rate is 100 percent (1/1), round-trip min/avg/max = 4/4/4 ms\n");
  }

  @Test
  void badSyntaxIsRejectedLikeIos() {
    assertThat(r1.answer("ping 200.0.0.1 repeat 0"))
        .isEqualTo(" ".repeat("R1#ping 200.0.0.1 repeat ".length()) + INVALID);
    assertThat(r1.answer("ping 200.0.0.1 repeat 1001"))
        .isEqualTo(" ".repeat("R1#ping 200.0.0.1 repeat ".length()) + INVALID);
    assertThat(r1.answer("ping 200.0.0.1 size 35"))
        .isEqualTo(" ".repeat("R1#ping 200.0.0.1 size ".length()) + INVALID);
    assertThat(r1.answer("ping 200.0.0.1 timeout 3601"))
        .isEqualTo(" ".repeat("R1#ping 200.0.0.1 timeout ".length()) + INVALID);
    assertThat(r1.answer("ping 200.0.0.1 count 3"))
        .isEqualTo(" ".repeat("R1#ping 200.0.0.1 ".length()) + INVALID);
    assertThat(r1.answer("ping 200.0.0.1 repeat 2 repeat 3"))
        .isEqualTo(" ".repeat("R1#ping 200.0.0.1 repeat 2 ".length()) + INVALID);
    assertThat(r1.answer("ping 200.0.0.1 source Tunnel99"))
        .isEqualTo(" ".repeat("R1#ping 200.0.0.1 source ".length()) + INVALID);
    assertThat(r1.answer("ping 200.0.0.1 s 3"))
        .isEqualTo("% Ambiguous command:  \"ping 200.0.0.1 s 3\"\n");
    assertThat(r1.answer("ping")).isEqualTo("% Incomplete command.\n\n");
    assertThat(r1.answer("ping 200.0.0.1 repeat")).isEqualTo("% Incomplete command.\n\n");
    assertThat(r1.answer("ping 200.0.0.1 source Tunnel")).isEqualTo("% Incomplete command.\n\n");
    assertThat(r1.answer("ping branch-02"))
        .isEqualTo("% Unrecognized host or address, or protocol not running.\n\n");
    assertThat(r1.answer("ping 200.0.0.256"))
        .isEqualTo("% Unrecognized host or address, or protocol not running.\n\n");
    assertThat(r1.answer("ping 200.0.0.1 source 9.9.9.9"))
        .isEqualTo("% Invalid source address- IP address not on this router\n");
  }

  /**
   * Who answers R1 with {@code fault} injected on {@code router}: the peer's public address unless
   * the path is gone; its tunnel address only through a tunnel that carries traffic both ways.
   */
  @ParameterizedTest(name = "{0} on {1}: public {2}, tunnel {3}")
  @CsvSource({
    "PSK_MISMATCH, A, true, false",
    "ISAKMP_POLICY_MISMATCH, B, true, false",
    "ACL_MISMATCH, A, true, false",
    "TRANSFORM_SET_MISMATCH, B, true, false",
    "STALL, A, true, false",
    "ONE_WAY, A, true, false",
    "ONE_WAY, B, true, false",
    "TUNNEL_DOWN, A, false, false",
    "TUNNEL_DOWN, B, false, false",
    "REKEY_STORM, A, true, true",
    "HIGH_CPU, B, true, true",
  })
  void answersPerFault(Fault fault, Side side, boolean publicAnswers, boolean tunnelAnswers) {
    topology.link().inject(side, fault);
    clock.advance(Duration.ofSeconds(12));
    assertThat(r1.answer("ping 200.0.0.1")).contains(publicAnswers ? "(5/5)" : "(0/5)");
    assertThat(r1.answer("ping 10.0.0.2 source Tunnel10"))
        .contains(tunnelAnswers ? "(5/5)" : "(0/5)");
    assertThat(r2.answer("ping 10.0.0.1")).contains(tunnelAnswers ? "(5/5)" : "(0/5)");
    topology.link().heal(side, fault);
    clock.advance(Duration.ofSeconds(1));
    assertThat(r1.answer("ping 10.0.0.2")).contains("(5/5)");
  }

  @Test
  void tunnelDownAlsoTakesTheOwnTunnelAddress() {
    topology.link().inject(Side.A, Fault.TUNNEL_DOWN);
    assertThat(r1.answer("ping 10.0.0.1")).contains("(0/5)");
    assertThat(r1.answer("ping 100.0.0.1")).contains("(5/5)");
  }

  @Test
  void aReloadingPeerAnswersAgainAfterItsOutage() {
    topology.link().inject(Side.B, Fault.REBOOT);
    clock.advance(Duration.ofSeconds(10));
    assertThat(r1.answer("ping 200.0.0.1")).contains("(0/5)");
    clock.advance(TunnelLink.REBOOT_OUTAGE);
    assertThat(r1.answer("ping 200.0.0.1")).contains("(5/5)");
    assertThat(r1.answer("ping 10.0.0.2")).contains("(5/5)");
  }
}
