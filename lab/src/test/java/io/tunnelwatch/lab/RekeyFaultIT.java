package io.tunnelwatch.lab;

import static io.tunnelwatch.lab.FaultLab.encrypted;
import static io.tunnelwatch.lab.FaultLab.isakmpRow;
import static io.tunnelwatch.lab.FaultLab.line;
import static io.tunnelwatch.lab.FaultLab.outboundSpi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.lab.sim.CryptoSnapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Forced rekeys and rekey storms, seen over SSH. */
class RekeyFaultIT {
  private static final String IPSEC = "show crypto ipsec sa";

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
  void rekeyReplacesBothSasAtOnce() {
    String spiBefore = outboundSpi(lab.c1);
    assertThat(line(lab.c1, IPSEC, "conn id:")).startsWith("conn id: 2001, flow_id: SW:1");

    assertThat(lab.r2.injectFault(Fault.REKEY)).isTrue();

    for (RouterConsole console : List.of(lab.c1, lab.c2)) {
      assertThat(isakmpRow(console)).contains("QM_IDLE           1002 ACTIVE");
      assertThat(line(console, IPSEC, "conn id:")).startsWith("conn id: 2003, flow_id: SW:3");
      assertThat(line(console, IPSEC, "sa timing"))
          .isEqualTo("sa timing: remaining key lifetime (k/sec): (4608000/3600)");
    }
    String spiAfter = outboundSpi(lab.c1);
    assertThat(spiAfter).isNotEqualTo(spiBefore);
    // R1's outbound SA is R2's inbound SA.
    String r1Out = lab.r1.snapshot().crypto().outbound().spi() + "";
    assertThat(lab.r2.snapshot().crypto().inbound().spi() + "").isEqualTo(r1Out);
    assertThat(lab.r2.snapshot().crypto().outbound().spi())
        .isEqualTo(lab.r1.snapshot().crypto().inbound().spi());
    // The new SAs count from zero; the flow's counters go on.
    CryptoSnapshot crypto = lab.r1.snapshot().crypto();
    assertThat(crypto.outbound().packets()).isZero();
    assertThat(crypto.inbound().packets()).isZero();
    lab.advance(10);
    crypto = lab.r1.snapshot().crypto();
    assertThat(crypto.outbound().packets()).isEqualTo(50);
    assertThat(crypto.outbound().octets()).isEqualTo(5_000);
    assertThat(crypto.inbound().packets()).isEqualTo(30);
    assertThat(encrypted(lab.c1)).isEqualTo(350);

    // A one-shot: nothing stays active, nothing to heal.
    assertThat(lab.r2.activeFaults()).isEmpty();
    assertThatThrownBy(() -> lab.r2.healFault(Fault.REKEY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rekey is a one-shot fault");
  }

  @Test
  void rekeyStormReplacesTheSasEveryFewSeconds() {
    lab.r1.injectFault(Fault.REKEY_STORM);
    assertThat(lab.r1.activeFaults()).containsExactly(Fault.REKEY_STORM);
    Set<String> spis = new HashSet<>();
    spis.add(outboundSpi(lab.c1));
    for (int i = 1; i <= 6; i++) {
      lab.advance(5);
      assertThat(isakmpRow(lab.c2)).contains("QM_IDLE           " + (1001 + i) + " ACTIVE");
      spis.add(outboundSpi(lab.c1));
    }
    assertThat(spis).hasSize(7);
    assertThat(line(lab.c1, IPSEC, "conn id:")).startsWith("conn id: 2013, flow_id: SW:13");
    // Traffic itself flows throughout.
    assertThat(encrypted(lab.c1)).isEqualTo(450);

    lab.r1.healFault(Fault.REKEY_STORM);
    String settled = outboundSpi(lab.c1);
    assertThat(spis).doesNotContain(settled);
    assertThat(isakmpRow(lab.c1)).contains("QM_IDLE           1008 ACTIVE");
    lab.advance(600);
    assertThat(outboundSpi(lab.c1)).isEqualTo(settled);
    assertThat(isakmpRow(lab.c1)).contains("QM_IDLE           1008 ACTIVE");
  }
}
