package io.tunnelwatch.lab;

import static io.tunnelwatch.lab.FaultLab.isakmpRow;
import static io.tunnelwatch.lab.FaultLab.line;
import static io.tunnelwatch.lab.FaultLab.outboundSpi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults of one router rather than of the tunnel: a reload and a pinned CPU. */
class RouterFaultTest {
  private static final String CPU = "show processes cpu | include CPU utilization";

  private FaultLab lab;

  @BeforeEach
  void start() {
    lab = new FaultLab();
    lab.advance(60);
  }

  @AfterEach
  void stop() throws Exception {
    lab.close();
  }

  @Test
  void rebootRestartsUptimeAndCountersAndRebuildsTheTunnel() {
    assertThat(line(lab.c2, "show version", "uptime is"))
        .isEqualTo("R2 uptime is 1 day, 1 hour, 59 minutes");
    lab.r2.injectFault(Fault.PSK_MISMATCH);
    lab.r2.healFault(Fault.PSK_MISMATCH);
    assertThat(lab.r2.snapshot().failures().phase1()).isEqualTo(1);
    String spiBefore = outboundSpi(lab.c1);
    ClientSession open = lab.c2.currentSession();

    lab.r2.injectFault(Fault.REBOOT);

    await().atMost(Duration.ofSeconds(5)).until(open::isClosed);
    assertThat(lab.r2.activeFaults()).isEmpty();
    assertThat(line(lab.c2, "show version", "uptime is")).isEqualTo("R2 uptime is 0 minutes");
    assertThat(line(lab.c2, "show interfaces Tunnel12", "packets input"))
        .isEqualTo("0 packets input, 0 bytes, 0 no buffer");
    assertThat(line(lab.c2, "show interfaces GigabitEthernet0/0", "packets input"))
        .isEqualTo("0 packets input, 0 bytes, 0 no buffer");
    assertThat(lab.r2.snapshot().failures().phase1()).isZero();
    assertThat(lab.r2.snapshot().phase1Failures()).isEmpty();
    // The peer lost the SAs; the tunnel comes back once the reloaded router negotiates again.
    assertThat(line(lab.c1, "show crypto session", "Session status"))
        .isEqualTo("Session status: DOWN");
    lab.advance(29);
    assertThat(isakmpRow(lab.c1)).isNull();
    lab.advance(1);
    for (RouterConsole console : List.of(lab.c1, lab.c2)) {
      assertThat(isakmpRow(console)).contains("QM_IDLE           1004 ACTIVE");
      assertThat(line(console, "show crypto session", "Session status"))
          .isEqualTo("Session status: UP-ACTIVE");
    }
    assertThat(outboundSpi(lab.c1)).isNotEqualTo(spiBefore);
    lab.advance(10);
    assertThat(line(lab.c2, "show interfaces Tunnel12", "packets input"))
        .isEqualTo("50 packets input, 5000 bytes, 0 no buffer");
    // R1 did not reload: its counters carry on from before.
    assertThat(line(lab.c1, "show interfaces Tunnel10", "packets output"))
        .isEqualTo("350 packets output, 35000 bytes, 0 underruns");
    assertThat(lab.r2.snapshot().uptime()).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void highCpuPinsTheFiveSecondFigureAtOnceAndTheAveragesOverTheirWindows() {
    assertThat(line(lab.c1, CPU, "CPU"))
        .matches(
            "CPU utilization for five seconds: [1-5]%/[01]%; one minute: [23]%; five minutes: 2%");
    lab.r1.injectFault(Fault.HIGH_CPU);
    lab.advance(30);
    assertThat(line(lab.c1, CPU, "CPU"))
        .matches(
            "CPU utilization for five seconds: 9[3-7]%/6[3-7]%; one minute: (4\\d|5\\d)%; five minutes: 1[0-2]%");
    lab.advance(300);
    assertThat(line(lab.c1, CPU, "CPU"))
        .matches(
            "CPU utilization for five seconds: 9[3-7]%/6[3-7]%; one minute: 95%; five minutes: 95%");
    assertThat(line(lab.c2, CPU, "CPU"))
        .matches("CPU utilization for five seconds: [1-5]%/[01]%.*");

    lab.r1.healFault(Fault.HIGH_CPU);
    lab.advance(300);
    assertThat(line(lab.c1, CPU, "CPU"))
        .matches(
            "CPU utilization for five seconds: [1-5]%/[01]%; one minute: [23]%; five minutes: 2%");
  }
}
