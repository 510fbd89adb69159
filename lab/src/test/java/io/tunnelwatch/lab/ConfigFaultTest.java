package io.tunnelwatch.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.lab.ios.IosCli;
import io.tunnelwatch.lab.sim.ReferenceTopology;
import io.tunnelwatch.lab.sim.Side;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each configuration fault changes the running configuration of the router it is injected on the
 * way the real mistake would, leaves the peer's alone, and healing restores the reference.
 */
class ConfigFaultTest {
  private ManualClock clock;
  private ReferenceTopology topology;
  private IosCli r1;
  private IosCli r2;
  private String r1Reference;
  private String r2Reference;

  @BeforeEach
  void setUp() {
    clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    topology = ReferenceTopology.create(clock);
    r1 = new IosCli(topology.r1());
    r2 = new IosCli(topology.r2());
    r1Reference = r1.answer("show running-config");
    r2Reference = r2.answer("show running-config");
  }

  private void inject(Side side, Fault fault) {
    topology.link().inject(side, fault);
    clock.advance(Duration.ofSeconds(15));
  }

  @Test
  void pskMismatchConfiguresAnotherKeyForThePeer() {
    inject(Side.A, Fault.PSK_MISMATCH);
    assertThat(r1.answer("show running-config | include isakmp key"))
        .isEqualTo("crypto isakmp key unnets@321 address 200.0.0.1\n");
    assertThat(r2.answer("show running-config")).isEqualTo(r2Reference);
  }

  @Test
  void policyMismatchLeavesAPolicyThePeerDoesNotOffer() {
    inject(Side.B, Fault.ISAKMP_POLICY_MISMATCH);
    assertThat(r2.answer("show running-config | section isakmp policy"))
        .isEqualTo(
            """
            crypto isakmp policy 10
             encr 3des
             hash md5
             authentication pre-share
             group 5
             lifetime 86400
            """);
    assertThat(r1.answer("show running-config")).isEqualTo(r1Reference);
  }

  @Test
  void aclMismatchSelectsTheLansInsteadOfGre() {
    inject(Side.A, Fault.ACL_MISMATCH);
    assertThat(r1.answer("show running-config | section ip access-list"))
        .isEqualTo(
            """
            ip access-list extended VPN-TRAFFIC
             permit ip 192.168.1.0 0.0.0.255 172.1.1.0 0.0.0.255
            """);
    // Nothing matches it: the tunnel's packets are GRE between the public addresses.
    assertThat(r1.answer("show ip access-lists"))
        .isEqualTo(
            """
            Extended IP access list VPN-TRAFFIC
                10 permit ip 192.168.1.0 0.0.0.255 172.1.1.0 0.0.0.255
            """);
    assertThat(r2.answer("show running-config")).isEqualTo(r2Reference);
  }

  @Test
  void aclMismatchOnR2UsesR2sOwnLanFirst() {
    inject(Side.B, Fault.ACL_MISMATCH);
    assertThat(r2.answer("show running-config | include permit"))
        .isEqualTo(" permit ip 172.1.1.0 0.0.0.255 192.168.1.0 0.0.0.255\n");
    assertThat(r1.answer("show running-config | include permit"))
        .isEqualTo(" permit gre host 100.0.0.1 host 200.0.0.1\n");
  }

  @Test
  void transformSetMismatchOffersOtherTransforms() {
    inject(Side.A, Fault.TRANSFORM_SET_MISMATCH);
    assertThat(r1.answer("show running-config | section transform-set TS-SET esp"))
        .isEqualTo("crypto ipsec transform-set TS-SET esp-3des esp-md5-hmac\n mode tunnel\n");
    assertThat(r2.answer("show running-config")).isEqualTo(r2Reference);
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"TUNNEL_DOWN", "STALL", "ONE_WAY", "REKEY_STORM", "HIGH_CPU"})
  void faultsOutsideTheConfigurationLeaveItAlone(Fault fault) {
    inject(Side.A, fault);
    assertThat(r1.answer("show running-config")).isEqualTo(r1Reference);
    assertThat(r2.answer("show running-config")).isEqualTo(r2Reference);
  }

  @ParameterizedTest
  @EnumSource(
      value = Fault.class,
      names = {"PSK_MISMATCH", "ISAKMP_POLICY_MISMATCH", "ACL_MISMATCH", "TRANSFORM_SET_MISMATCH"})
  void healingRestoresTheReferenceConfiguration(Fault fault) {
    inject(Side.A, fault);
    assertThat(r1.answer("show running-config")).isNotEqualTo(r1Reference);
    topology.link().heal(Side.A, fault);
    assertThat(r1.answer("show running-config")).isEqualTo(r1Reference);
    assertThat(r1.answer("show running-config interface GigabitEthernet0/0"))
        .contains(" crypto map CMAP\n");
  }
}
