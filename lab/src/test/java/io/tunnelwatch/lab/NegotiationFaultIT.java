package io.tunnelwatch.lab;

import static io.tunnelwatch.lab.FaultLab.decrypted;
import static io.tunnelwatch.lab.FaultLab.encrypted;
import static io.tunnelwatch.lab.FaultLab.isakmpRow;
import static io.tunnelwatch.lab.FaultLab.line;
import static io.tunnelwatch.lab.FaultLab.outboundSpi;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.lab.events.FailureRecord;
import io.tunnelwatch.lab.events.IkeFailReason;
import io.tunnelwatch.lab.events.IpsecFailReason;
import io.tunnelwatch.lab.sim.FailureCounters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Phase-1 and phase-2 negotiation faults, seen over SSH on both routers: the states real IOS shows,
 * failure counters and records that grow with every retry (driven by the manual clock), and a heal
 * that brings the tunnel back with new SA identities.
 */
class NegotiationFaultIT {
  private static final String SESSION = "show crypto session";

  private FaultLab lab;
  private String spiBefore;

  @BeforeEach
  void start() {
    lab = new FaultLab();
    lab.advance(60);
    spiBefore = outboundSpi(lab.c1);
    assertThat(isakmpRow(lab.c1))
        .isEqualTo("200.0.0.1       100.0.0.1       QM_IDLE           1001 ACTIVE");
  }

  @AfterEach
  void stop() throws Exception {
    lab.close();
  }

  @Test
  void pskMismatchStopsMainModeAtKeyExchange() {
    assertThat(lab.r1.injectFault(Fault.PSK_MISMATCH)).isTrue();
    assertThat(lab.r1.injectFault(Fault.PSK_MISMATCH)).isFalse();
    assertThat(lab.r1.activeFaults()).containsExactly(Fault.PSK_MISMATCH);
    assertThat(lab.r2.activeFaults()).isEmpty();

    // The initiator got as far as sending its identity; the responder threw its SA away.
    assertThat(isakmpRow(lab.c1))
        .isEqualTo("200.0.0.1       100.0.0.1       MM_KEY_EXCH       1002 ACTIVE");
    assertThat(isakmpRow(lab.c2))
        .isEqualTo("200.0.0.1       100.0.0.1       MM_NO_STATE       1002 ACTIVE (deleted)");
    assertPhase1Down();
    assertThat(lab.r1.snapshot().failures()).isEqualTo(new FailureCounters(1, 0, 1, 0));
    assertThat(lab.r2.snapshot().failures()).isEqualTo(new FailureCounters(0, 1, 1, 0));

    lab.advance(30);
    // Three retries later: each attempt had its own conn-id and failed on both ends.
    assertThat(isakmpRow(lab.c1)).contains("MM_KEY_EXCH       1005 ACTIVE");
    assertThat(lab.r1.snapshot().failures()).isEqualTo(new FailureCounters(4, 0, 4, 0));
    assertThat(lab.r2.snapshot().failures()).isEqualTo(new FailureCounters(0, 4, 4, 0));
    List<FailureRecord> records = lab.r2.snapshot().phase1Failures();
    assertThat(records).extracting(FailureRecord::index).containsExactly(1L, 2L, 3L, 4L);
    FailureRecord last = records.get(3);
    assertThat(last.reason()).isEqualTo(IkeFailReason.AUTH_FAILURE);
    assertThat(last.reason().mibName()).isEqualTo("authFailure");
    assertThat(last.reason().code()).isEqualTo(5);
    assertThat(last.localAddress()).isEqualTo("200.0.0.1");
    assertThat(last.remoteAddress()).isEqualTo("100.0.0.1");
    assertThat(last.at()).isEqualTo(Instant.parse("2026-03-02T10:01:30Z"));
    assertThat(last.uptime())
        .isEqualTo(Duration.ofDays(1).plusHours(1).plusMinutes(59).plusSeconds(30));
    assertThat(lab.r1.snapshot().phase2Failures()).isEmpty();

    assertThat(lab.r1.healFault(Fault.PSK_MISMATCH)).isTrue();
    assertThat(lab.r1.healFault(Fault.PSK_MISMATCH)).isFalse();
    assertHealedWithNewIdentities("1006");
    // Counters count since boot: healing does not forget the failures.
    assertThat(lab.r1.snapshot().failures().phase1()).isEqualTo(4);
  }

  @Test
  void isakmpPolicyMismatchStopsMainModeAtTheFirstMessage() {
    // A wrong policy on the responder breaks the negotiation R1 starts, just the same.
    lab.r2.injectFault(Fault.ISAKMP_POLICY_MISMATCH);
    assertThat(isakmpRow(lab.c1))
        .isEqualTo("200.0.0.1       100.0.0.1       MM_NO_STATE       1002 ACTIVE");
    assertThat(isakmpRow(lab.c2))
        .isEqualTo("200.0.0.1       100.0.0.1       MM_NO_STATE       1002 ACTIVE (deleted)");
    assertPhase1Down();

    lab.advance(20);
    assertThat(lab.r1.snapshot().failures()).isEqualTo(new FailureCounters(3, 0, 0, 0));
    assertThat(lab.r1.snapshot().phase1Failures())
        .extracting(FailureRecord::reason)
        .containsOnly(IkeFailReason.PROPOSAL_FAILURE);
    assertThat(IkeFailReason.PROPOSAL_FAILURE.mibName()).isEqualTo("proposalFailure");

    lab.r2.healFault(Fault.ISAKMP_POLICY_MISMATCH);
    assertHealedWithNewIdentities("1005");
  }

  @Test
  void aclMismatchKeepsIkeUpButNoIpsecSa() {
    lab.r2.injectFault(Fault.ACL_MISMATCH);
    assertPhase2Down();
    lab.advance(30);
    assertPhase2Failures(IpsecFailReason.PROTOCOL_USE_FAIL, "protocolUseFail");
    lab.r2.healFault(Fault.ACL_MISMATCH);
    assertHealedWithNewIdentities("1001");
  }

  @Test
  void transformSetMismatchKeepsIkeUpButNoIpsecSa() {
    lab.r1.injectFault(Fault.TRANSFORM_SET_MISMATCH);
    assertPhase2Down();
    lab.advance(30);
    assertPhase2Failures(IpsecFailReason.PROPOSAL_FAILURE, "proposalFailure");
    lab.r1.healFault(Fault.TRANSFORM_SET_MISMATCH);
    assertHealedWithNewIdentities("1001");
  }

  @Test
  void phase1FaultsHideAPhase2FaultUntilHealed() {
    lab.r2.injectFault(Fault.ACL_MISMATCH);
    lab.r1.injectFault(Fault.PSK_MISMATCH);
    assertPhase1Down();
    lab.r1.healFault(Fault.PSK_MISMATCH);
    assertThat(line(lab.c1, SESSION, "Session status")).isEqualTo("Session status: UP-IDLE");
  }

  @Test
  void theFailureTableKeepsTheLastHundred() {
    lab.r1.injectFault(Fault.PSK_MISMATCH);
    lab.advance(2_000);
    List<FailureRecord> records = lab.r1.snapshot().phase1Failures();
    assertThat(lab.r1.snapshot().failures().ikeInitTunnelFails()).isEqualTo(201);
    assertThat(records).hasSize(100);
    assertThat(records.get(0).index()).isEqualTo(102);
    assertThat(records.get(99).index()).isEqualTo(201);
  }

  private void assertPhase1Down() {
    for (RouterConsole console : List.of(lab.c1, lab.c2)) {
      assertThat(line(console, SESSION, "Session status"))
          .isEqualTo("Session status: DOWN-NEGOTIATING");
      assertThat(line(console, SESSION, "IKEv1 SA")).endsWith("/500 Inactive");
      assertThat(line(console, SESSION, "Active SAs"))
          .isEqualTo("Active SAs: 0, origin: crypto map");
      assertThat(outboundSpi(console)).isEqualTo("current outbound spi: 0x0(0)");
      assertThat(console.show("show crypto ipsec sa"))
          .doesNotContain("\n      spi: 0x")
          .contains("#pkts encaps: 0, #pkts encrypt: 0, #pkts digest: 0");
    }
    // GRE keeps sending into the tunnel (no keepalives), but nothing comes back.
    assertThat(line(lab.c1, "show interfaces Tunnel10", "line protocol"))
        .isEqualTo("Tunnel10 is up, line protocol is up");
    long inBefore = lab.r1.snapshot().interfaceNamed("Tunnel10").orElseThrow().packetsIn();
    lab.advance(1);
    assertThat(lab.r1.snapshot().interfaceNamed("Tunnel10").orElseThrow().packetsIn())
        .isEqualTo(inBefore);
  }

  private void assertPhase2Down() {
    for (RouterConsole console : List.of(lab.c1, lab.c2)) {
      assertThat(isakmpRow(console))
          .isEqualTo("200.0.0.1       100.0.0.1       QM_IDLE           1001 ACTIVE");
      assertThat(line(console, SESSION, "Session status")).isEqualTo("Session status: UP-IDLE");
      assertThat(line(console, SESSION, "IKEv1 SA")).endsWith("/500 Active");
      assertThat(line(console, SESSION, "Active SAs"))
          .isEqualTo("Active SAs: 0, origin: crypto map");
      assertThat(outboundSpi(console)).isEqualTo("current outbound spi: 0x0(0)");
    }
    assertThat(lab.r1.snapshot().failures().phase2()).isEqualTo(1);
    assertThat(lab.r2.snapshot().failures().phase2()).isEqualTo(1);
  }

  private void assertPhase2Failures(IpsecFailReason reason, String mibName) {
    for (LabRouter router : List.of(lab.r1, lab.r2)) {
      assertThat(router.snapshot().failures()).isEqualTo(new FailureCounters(0, 0, 0, 4));
      List<FailureRecord> records = router.snapshot().phase2Failures();
      assertThat(records).hasSize(4).extracting(FailureRecord::reason).containsOnly(reason);
      assertThat(records.get(3).isPhase1()).isFalse();
      assertThat(records.get(3).reason().mibName()).isEqualTo(mibName);
    }
  }

  private void assertHealedWithNewIdentities(String ikeConnId) {
    for (RouterConsole console : List.of(lab.c1, lab.c2)) {
      assertThat(isakmpRow(console))
          .isEqualTo("200.0.0.1       100.0.0.1       QM_IDLE           " + ikeConnId + " ACTIVE");
      assertThat(line(console, SESSION, "Session status")).isEqualTo("Session status: UP-ACTIVE");
      assertThat(line(console, SESSION, "Active SAs"))
          .isEqualTo("Active SAs: 2, origin: crypto map");
    }
    String spiAfter = outboundSpi(lab.c1);
    assertThat(spiAfter).isNotEqualTo(spiBefore).isNotEqualTo("current outbound spi: 0x0(0)");
    // A new flow: its counters start from zero and move both ways again.
    assertThat(encrypted(lab.c1)).isZero();
    lab.advance(10);
    assertThat(encrypted(lab.c1)).isEqualTo(50);
    assertThat(decrypted(lab.c2)).isEqualTo(50);
    assertThat(decrypted(lab.c1)).isEqualTo(30);
  }
}
