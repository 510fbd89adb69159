package io.tunnelwatch.agent.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.ios.model.InterfaceStatus;
import io.tunnelwatch.ios.parse.InterfacesParser;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LadderWalkerTest {

  /** A router whose answers the test sets; the counters grow by what each read adds. */
  private static final class Router {
    String tunnelStatus = "up";
    String lineProtocol = "up";
    int publicPingReplies = 5;
    int tunnelPingReplies = 5;
    String isakmpState = "QM_IDLE";
    boolean sasUp = true;
    long encryptStep = 7;
    long decryptStep = 6;
    private final AtomicInteger reads = new AtomicInteger();
    final FakeRouter session = new FakeRouter(this::answer);

    private String answer(String command) {
      if (command.startsWith("ping 200.0.0.1")) {
        return RouterOutputs.ping("200.0.0.1", publicPingReplies);
      }
      if (command.startsWith("ping 10.0.0.2")) {
        return RouterOutputs.ping("10.0.0.2", tunnelPingReplies);
      }
      if (command.equals("show crypto isakmp sa")) {
        return RouterOutputs.isakmp(isakmpState);
      }
      if (command.equals("show crypto ipsec sa peer 200.0.0.1")) {
        int n = reads.getAndIncrement();
        return RouterOutputs.ipsec(100 + n * encryptStep, 90 + n * decryptStep, sasUp);
      }
      return "% Invalid input detected at '^' marker.";
    }

    /** Walks Tunnel10 as the diagnosis' {@code show interfaces} showed it. */
    List<RungResult> walk() throws Exception {
      InterfaceStatus tunnel10 =
          InterfacesParser.parse(RouterOutputs.tunnel10(tunnelStatus, lineProtocol)).value().get(0);
      TunnelUnderTest target =
          new TunnelUnderTest(
              Optional.of(tunnel10), "100.0.0.1", "200.0.0.1", Optional.of("10.0.0.2"));
      DiagnosticCli cli = new DiagnosticCli("R1", session, Duration.ofSeconds(5));
      return new LadderWalker(cli, Duration.ofSeconds(3), d -> {}).walk(target);
    }
  }

  private static RungResult rung(List<RungResult> rungs, Rung rung) {
    return rungs.stream().filter(r -> r.rung() == rung).findFirst().orElseThrow();
  }

  private static Optional<RungResult> failing(List<RungResult> rungs) {
    return new TunnelDiagnosis(
            "R1", Optional.of("Tunnel10"), "200.0.0.1", rungs, Optional.empty(), List.of())
        .failing();
  }

  @Test
  void aHealthyTunnelPassesEveryRungWithReadOnlyCommandsOnly() throws Exception {
    Router router = new Router();

    List<RungResult> rungs = router.walk();

    assertThat(rungs)
        .extracting(RungResult::rung)
        .containsExactly(Rung.PEER_ADDRESS, Rung.TUNNEL_INTERFACE, Rung.PHASE1, Rung.PHASE2);
    assertThat(rungs).allMatch(r -> r.status() == RungStatus.PASSED);
    assertThat(rung(rungs, Rung.PHASE2).summary()).contains("encrypt +7, decrypt +6");
    assertThat(rung(rungs, Rung.PHASE1).evidence()).singleElement().asString().contains("QM_IDLE");
    assertThat(router.session.sent).allMatch(c -> c.startsWith("show ") || c.startsWith("ping "));
  }

  @Test
  void aPeerThatDoesNotAnswerStopsTheLadderAtRung2() throws Exception {
    Router router = new Router();
    router.publicPingReplies = 0;

    List<RungResult> rungs = router.walk();

    assertThat(failing(rungs)).map(RungResult::rung).contains(Rung.PEER_ADDRESS);
    assertThat(rung(rungs, Rung.PEER_ADDRESS).evidence())
        .containsExactly("Success rate is 0 percent (0/5)");
    assertThat(rungs.subList(1, rungs.size())).allMatch(r -> r.status() == RungStatus.NOT_CHECKED);
  }

  @Test
  void aLineProtocolDownStopsTheLadderAtRung3() throws Exception {
    Router router = new Router();
    router.lineProtocol = "down";

    List<RungResult> rungs = router.walk();

    assertThat(failing(rungs)).map(RungResult::rung).contains(Rung.TUNNEL_INTERFACE);
    assertThat(rung(rungs, Rung.TUNNEL_INTERFACE).summary())
        .isEqualTo("Tunnel10 is up, line protocol is down");
    assertThat(rung(rungs, Rung.PHASE1).status()).isEqualTo(RungStatus.NOT_CHECKED);
  }

  @Test
  void aTunnelPingThatIpsecDropsIsBlamedOnTheFailingPhase() throws Exception {
    Router router = new Router();
    router.tunnelPingReplies = 0;
    router.isakmpState = "MM_NO_STATE";

    List<RungResult> rungs = router.walk();

    assertThat(rung(rungs, Rung.TUNNEL_INTERFACE).status()).isEqualTo(RungStatus.FAILED);
    RungResult phase1 = failing(rungs).orElseThrow();
    assertThat(phase1.rung()).isEqualTo(Rung.PHASE1);
    assertThat(phase1.summary()).contains("MM_NO_STATE");
    assertThat(phase1.cause()).get().asString().contains("pre-shared keys");
  }

  @Test
  void phase1UpWithoutIpsecSasFailsPhase2() throws Exception {
    Router router = new Router();
    router.sasUp = false;

    RungResult phase2 = failing(router.walk()).orElseThrow();

    assertThat(phase2.rung()).isEqualTo(Rung.PHASE2);
    assertThat(phase2.summary()).contains("no active IPsec SA with 200.0.0.1");
  }

  @Test
  void countersThatStandStillEvenWithAPingAcrossAreAStall() throws Exception {
    Router router = new Router();
    router.encryptStep = 0;
    router.decryptStep = 0;

    RungResult phase2 = failing(router.walk()).orElseThrow();

    assertThat(phase2.summary()).contains("counters stand still").contains("with a ping across");
    assertThat(router.session.sent)
        .containsSubsequence(
            "show crypto ipsec sa peer 200.0.0.1",
            "show crypto ipsec sa peer 200.0.0.1",
            "ping 10.0.0.2 source Tunnel10 repeat 5 timeout 1",
            "show crypto ipsec sa peer 200.0.0.1");
  }

  @Test
  void encryptWithoutDecryptIsOneWayAndSoIsTheReverse() throws Exception {
    Router outbound = new Router();
    outbound.decryptStep = 0;
    Router inbound = new Router();
    inbound.encryptStep = 0;

    assertThat(failing(outbound.walk()).orElseThrow().summary())
        .startsWith("one-way traffic: packets are encrypted but none are decrypted");
    assertThat(failing(inbound.walk()).orElseThrow().summary())
        .startsWith("one-way traffic: packets are decrypted but none are encrypted");
  }
}
