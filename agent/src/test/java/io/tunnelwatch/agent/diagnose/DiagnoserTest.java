package io.tunnelwatch.agent.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.ios.transport.CliException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The diagnosis of a device and its other end, on routers that answer from the tests' texts. */
class DiagnoserTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);

  private final FakeEnd r1 = FakeEnd.r1();
  private final FakeEnd r2 = FakeEnd.r2();
  private boolean r1Reachable = true;

  private final DeviceAccess access =
      new DeviceAccess() {
        private final Map<String, FakeEnd> ends = Map.of("R1", r1, "R2", r2);

        @Override
        public List<String> devices() {
          return List.of("R1", "R2");
        }

        @Override
        public DiagnosticCli open(String device) throws CliException {
          if (device.equals("R1") && !r1Reachable) {
            throw new CliException(CliException.Kind.CONNECT, "cannot connect to 127.0.0.1:22");
          }
          return new DiagnosticCli(device, ends.get(device).session, Duration.ofSeconds(5));
        }

        @Override
        public Optional<SnmpReach> snmp(String device) {
          return Optional.of(new SnmpReach(false, "does not answer: timeout after 1 s"));
        }
      };

  private Diagnosis diagnose() throws InterruptedException {
    return new Diagnoser(access, CLOCK, Duration.ofSeconds(1), d -> {})
        .diagnose("R1", Optional.empty());
  }

  @Test
  void aHealthyPairPassesEveryRungAndMirrorsTheOtherEnd() throws Exception {
    Diagnosis diagnosis = diagnose();

    assertThat(diagnosis.healthy()).isTrue();
    TunnelDiagnosis tunnel = diagnosis.tunnels().get(0);
    assertThat(tunnel.otherEnd()).contains("R2");
    assertThat(tunnel.mirror()).isEmpty();
    assertThat(tunnel.rungs()).hasSize(5).allMatch(r -> r.status() == RungStatus.PASSED);
    // The far tunnel address came from R2's tunnel, not from a guess.
    assertThat(r1.session.sent).contains("ping 10.0.0.2 source Tunnel10 repeat 5 timeout 1");
    assertThat(diagnosis.notes()).anyMatch(n -> n.contains("does not answer SNMP"));
    assertThat(diagnosis.audit()).anyMatch(f -> f.reason().contains("group 2"));
  }

  @Test
  void differentKeysBecomeThePhase1CauseAndTheKeyIsInNoRendering() throws Exception {
    r1.key = "unnets@321";
    r1.isakmpState = "MM_KEY_EXCH";
    r1.tunnelPingReplies = 0;

    Diagnosis diagnosis = diagnose();

    RungResult failing = diagnosis.tunnels().get(0).failing().orElseThrow();
    assertThat(failing.rung()).isEqualTo(Rung.PHASE1);
    assertThat(failing.cause())
        .contains("pre-shared keys differ between R1 and R2 for peer 200.0.0.1");
    String shown =
        DiagnosisText.write(diagnosis) + DiagnosisJson.write(diagnosis) + diagnosis.toString();
    assertThat(shown).contains("pre-shared keys differ").doesNotContain("unnets@");
  }

  @Test
  void aTunnelThatDropsTrafficWithBothPhasesUpIsExplainedByTheFarEndsCounters() throws Exception {
    r1.tunnelPingReplies = 0;

    TunnelDiagnosis tunnel = diagnose().tunnels().get(0);

    // R2's counters move in these texts, so nothing on R2 explains it: the generic cause stays.
    assertThat(tunnel.failing()).map(RungResult::rung).contains(Rung.TUNNEL_INTERFACE);
    assertThat(tunnel.failing().orElseThrow().cause())
        .get()
        .asString()
        .contains("traffic through the tunnel is dropped");
    assertThat(r2.session.sent).contains("show crypto ipsec sa peer 100.0.0.1");
  }

  @Test
  void anAccountThatMayNotReadTheConfigurationIsToldWhatItNeeds() throws Exception {
    r1.mayReadConfig = false;

    Diagnosis diagnosis = diagnose();

    assertThat(diagnosis.healthy()).isTrue();
    assertThat(diagnosis.audit()).isEmpty();
    assertThat(diagnosis.notes())
        .anyMatch(
            n -> n.contains("may not read the configuration") && n.contains("privilege level 15"));
  }

  @Test
  void anUnreachableDeviceFailsRung1AndChecksNothingElse() throws Exception {
    r1Reachable = false;

    Diagnosis diagnosis = diagnose();

    TunnelDiagnosis tunnel = diagnosis.tunnels().get(0);
    assertThat(tunnel.failing()).map(RungResult::rung).contains(Rung.REACH_DEVICE);
    assertThat(tunnel.rungs().subList(1, 5)).allMatch(r -> r.status() == RungStatus.NOT_CHECKED);
    assertThat(DiagnosisText.write(diagnosis)).contains("FAILS at rung 1, reach_device");
  }

  @Test
  void anUnknownDeviceOrAPeerThatIsNoAddressIsRefused() {
    Diagnoser diagnoser = new Diagnoser(access, CLOCK, Duration.ofSeconds(1), d -> {});

    assertThatThrownBy(() -> diagnoser.diagnose("R9", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no device R9 in the configuration");
    assertThatThrownBy(() -> diagnoser.diagnose("R1", Optional.of("200.0.0.1; reload")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPeerWithoutATunnelIsANote() throws Exception {
    Diagnosis diagnosis =
        new Diagnoser(access, CLOCK, Duration.ofSeconds(1), d -> {})
            .diagnose("R1", Optional.of("198.51.100.7"));

    assertThat(diagnosis.tunnels()).isEmpty();
    assertThat(diagnosis.notes()).contains("R1 has no tunnel or crypto map peer 198.51.100.7");
  }

  @Test
  void aCryptoMapPeerWithoutATunnelIsWalkedFromTheMapsInterface() throws Exception {
    r1.plainCryptoPeer = Optional.of("198.51.100.7");

    Diagnosis diagnosis = diagnose();

    assertThat(diagnosis.tunnels()).hasSize(2);
    TunnelDiagnosis plain = diagnosis.tunnels().get(1);
    assertThat(plain.tunnel()).isEmpty();
    assertThat(plain.peer()).isEqualTo("198.51.100.7");
    assertThat(plain.failing()).map(RungResult::rung).contains(Rung.PEER_ADDRESS);
    assertThat(r1.session.sent).contains("ping 198.51.100.7 source 100.0.0.1 repeat 5 timeout 1");
    assertThat(diagnosis.notes())
        .contains(
            "198.51.100.7 is not an address of a configured device: R1's configuration could not be"
                + " compared with the other end's");
  }
}
