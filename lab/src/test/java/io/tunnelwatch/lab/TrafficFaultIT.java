package io.tunnelwatch.lab;

import static io.tunnelwatch.lab.FaultLab.decrypted;
import static io.tunnelwatch.lab.FaultLab.encrypted;
import static io.tunnelwatch.lab.FaultLab.isakmpRow;
import static io.tunnelwatch.lab.FaultLab.line;
import static io.tunnelwatch.lab.FaultLab.outboundSpi;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Faults that leave negotiation alone but stop packets (stall, one-way loss) or take the path down,
 * seen over SSH. Before each test R1 has sent 300 packets (5/s) and R2 180 (3/s).
 */
class TrafficFaultIT {
  private static final String T10 = "show interfaces Tunnel10";
  private static final String T12 = "show interfaces Tunnel12";

  private FaultLab lab;
  private String spiBefore;

  @BeforeEach
  void start() {
    lab = new FaultLab();
    lab.advance(60);
    spiBefore = outboundSpi(lab.c1);
  }

  @AfterEach
  void stop() throws Exception {
    lab.close();
  }

  @Test
  void stallKeepsTheSasUpWhileNoPacketMovesEitherWay() {
    lab.r2.injectFault(Fault.STALL);
    lab.advance(60);
    for (RouterConsole console : List.of(lab.c1, lab.c2)) {
      assertThat(line(console, "show crypto session", "Session status"))
          .isEqualTo("Session status: UP-ACTIVE");
      assertThat(isakmpRow(console)).contains("QM_IDLE           1001 ACTIVE");
    }
    assertThat(outboundSpi(lab.c1)).isEqualTo(spiBefore);
    assertThat(encrypted(lab.c1)).isEqualTo(300);
    assertThat(decrypted(lab.c2)).isEqualTo(300);
    assertThat(encrypted(lab.c2)).isEqualTo(180);
    assertThat(decrypted(lab.c1)).isEqualTo(180);
    // Traffic still enters the tunnel (so a monitor knows it is expected); nothing comes out.
    assertThat(line(lab.c1, T10, "packets output"))
        .isEqualTo("600 packets output, 60000 bytes, 0 underruns");
    assertThat(line(lab.c1, T10, "packets input"))
        .isEqualTo("180 packets input, 18000 bytes, 0 no buffer");
    assertThat(line(lab.c2, T12, "packets input"))
        .isEqualTo("300 packets input, 30000 bytes, 0 no buffer");

    lab.r2.healFault(Fault.STALL);
    assertRenegotiated("1002");
  }

  @Test
  void oneWayLetsTheEncryptMoveButNotThePeersDecrypt() {
    lab.r1.injectFault(Fault.ONE_WAY);
    lab.advance(60);
    assertThat(encrypted(lab.c1)).isEqualTo(600);
    assertThat(decrypted(lab.c2)).isEqualTo(300);
    // The other direction is healthy.
    assertThat(encrypted(lab.c2)).isEqualTo(360);
    assertThat(decrypted(lab.c1)).isEqualTo(360);
    assertThat(line(lab.c2, T12, "packets input"))
        .isEqualTo("300 packets input, 30000 bytes, 0 no buffer");
    assertThat(line(lab.c2, T12, "Last input")).startsWith("Last input 00:01:00, output 00:00:00");
    assertThat(line(lab.c1, "show crypto session", "Session status"))
        .isEqualTo("Session status: UP-ACTIVE");

    lab.r1.healFault(Fault.ONE_WAY);
    assertRenegotiated("1002");
  }

  @Test
  void tunnelDownTakesTheLineProtocolAndTheSasAway() {
    lab.r1.injectFault(Fault.TUNNEL_DOWN);
    lab.advance(60);
    assertThat(line(lab.c1, T10, "line protocol"))
        .isEqualTo("Tunnel10 is up, line protocol is down");
    assertThat(line(lab.c2, T12, "line protocol"))
        .isEqualTo("Tunnel12 is up, line protocol is down");
    assertThat(line(lab.c1, T10, "linestate")).isEqualTo("Tunnel linestate evaluation down");
    assertThat(line(lab.c1, T10, "packets output"))
        .isEqualTo("300 packets output, 30000 bytes, 0 underruns");
    for (RouterConsole console : List.of(lab.c1, lab.c2)) {
      assertThat(line(console, "show crypto session", "Session status"))
          .isEqualTo("Session status: DOWN");
      assertThat(console.show("show crypto session")).doesNotContain("IKEv1 SA");
      assertThat(isakmpRow(console)).isNull();
      assertThat(outboundSpi(console)).isEqualTo("current outbound spi: 0x0(0)");
    }

    lab.r1.healFault(Fault.TUNNEL_DOWN);
    assertThat(line(lab.c1, T10, "line protocol")).isEqualTo("Tunnel10 is up, line protocol is up");
    assertRenegotiated("1002");
  }

  /** Back to normal with a new IKE conn-id, new SPIs and a new flow whose counters move. */
  private void assertRenegotiated(String ikeConnId) {
    assertThat(lab.r1.activeFaults()).isEmpty();
    for (RouterConsole console : List.of(lab.c1, lab.c2)) {
      assertThat(isakmpRow(console)).contains("QM_IDLE           " + ikeConnId + " ACTIVE");
      assertThat(line(console, "show crypto session", "Session status"))
          .isEqualTo("Session status: UP-ACTIVE");
    }
    assertThat(outboundSpi(lab.c1)).isNotEqualTo(spiBefore);
    lab.advance(10);
    assertThat(encrypted(lab.c1)).isEqualTo(50);
    assertThat(decrypted(lab.c2)).isEqualTo(50);
    assertThat(encrypted(lab.c2)).isEqualTo(30);
    assertThat(decrypted(lab.c1)).isEqualTo(30);
  }
}
