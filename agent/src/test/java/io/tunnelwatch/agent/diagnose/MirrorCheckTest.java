package io.tunnelwatch.agent.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tunnelwatch.ios.config.AccessListParser;
import io.tunnelwatch.ios.config.CryptoConfiguration;
import io.tunnelwatch.ios.config.CryptoMapEntry;
import io.tunnelwatch.ios.config.RunningConfigParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class MirrorCheckTest {

  private static final String R1_PUBLIC = "100.0.0.1";
  private static final String R2_PUBLIC = "200.0.0.1";
  private static final String HEALTHY_POLICY =
      "crypto isakmp policy 10\n encr aes 256\n hash sha\n authentication pre-share\n"
          + " group 2\n lifetime 86400\n";
  private static final String WEAK_POLICY =
      "crypto isakmp policy 10\n encr 3des\n hash md5\n authentication pre-share\n"
          + " group 5\n lifetime 86400\n";
  private static final String HEALTHY_TS =
      "crypto ipsec transform-set TS-SET esp-aes esp-sha-hmac\n mode tunnel\n";

  /** One lab router's outputs, healthy unless a part is replaced. */
  private record Router(
      String name,
      String self,
      String peer,
      String tunnel,
      String tunnelAddress,
      String policy,
      String psk,
      String transformSet,
      String acl) {

    static Router r1() {
      return new Router(
          "R1",
          R1_PUBLIC,
          R2_PUBLIC,
          "Tunnel10",
          "10.0.0.1",
          HEALTHY_POLICY,
          "unnets@123",
          HEALTHY_TS,
          "10 permit gre host 100.0.0.1 host 200.0.0.1 (12 matches)");
    }

    static Router r2() {
      return new Router(
          "R2",
          R2_PUBLIC,
          R1_PUBLIC,
          "Tunnel12",
          "10.0.0.2",
          HEALTHY_POLICY,
          "unnets@123",
          HEALTHY_TS,
          "10 permit gre host 200.0.0.1 host 100.0.0.1 (9 matches)");
    }

    Router withPolicy(String text) {
      return new Router(name, self, peer, tunnel, tunnelAddress, text, psk, transformSet, acl);
    }

    Router withPsk(String text) {
      return new Router(name, self, peer, tunnel, tunnelAddress, policy, text, transformSet, acl);
    }

    Router withTransformSet(String text) {
      return new Router(name, self, peer, tunnel, tunnelAddress, policy, psk, text, acl);
    }

    Router withAcl(String text) {
      return new Router(name, self, peer, tunnel, tunnelAddress, policy, psk, transformSet, text);
    }

    Router withTunnelAddress(String text) {
      return new Router(name, self, peer, tunnel, text, policy, psk, transformSet, acl);
    }

    EndConfig end() {
      String crypto =
          policy
              + "crypto isakmp key "
              + psk
              + " address "
              + peer
              + "\n"
              + transformSet
              + "crypto map CMAP 10 ipsec-isakmp\n"
              + " set peer "
              + peer
              + "\n"
              + " set transform-set TS-SET\n"
              + " match address VPN-TRAFFIC\n"
              + "interface GigabitEthernet0/0\n"
              + " ip address "
              + self
              + " 255.255.255.0\n"
              + " duplex auto\n"
              + " speed auto\n"
              + " media-type rj45\n"
              + " crypto map CMAP\n";
      String tunnelSection =
          "Building configuration...\n\nCurrent configuration : 129 bytes\n!\n"
              + "interface "
              + tunnel
              + "\n"
              + " ip address "
              + tunnelAddress
              + " 255.255.255.0\n"
              + " tunnel source "
              + self
              + "\n"
              + " tunnel destination "
              + peer
              + "\n"
              + "end\n";
      CryptoConfiguration config =
          CryptoConfiguration.merge(
              RunningConfigParser.parse(crypto).value(),
              RunningConfigParser.parse(tunnelSection).value());
      return new EndConfig(
          name,
          self,
          config,
          AccessListParser.parse("Extended IP access list VPN-TRAFFIC\n    " + acl + "\n").value());
    }
  }

  @Test
  void healthyLabMirrorsPerfectly() {
    assertThat(MirrorCheck.compare(Router.r1().end(), Router.r2().end())).isEmpty();
    assertThat(MirrorCheck.compare(Router.r2().end(), Router.r1().end())).isEmpty();
  }

  @Test
  void pskMismatchIsOnePreSharedKeyFinding() {
    List<MirrorFinding> findings =
        MirrorCheck.compare(Router.r1().withPsk("unnets@321").end(), Router.r2().end());

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.topic()).isEqualTo(ConfigTopic.PRE_SHARED_KEY);
              assertThat(f.summary())
                  .isEqualTo("pre-shared keys differ between R1 and R2 for peer 200.0.0.1");
              assertThat(f.linesA())
                  .containsExactly("crypto isakmp key <redacted> address 200.0.0.1");
              assertThat(f.linesB())
                  .containsExactly("crypto isakmp key <redacted> address 100.0.0.1");
            });
    assertThat(findings.toString()).doesNotContain("unnets@");
  }

  @Test
  void isakmpPolicyMismatchIsOnePolicyFinding() {
    List<MirrorFinding> findings =
        MirrorCheck.compare(Router.r1().end(), Router.r2().withPolicy(WEAK_POLICY).end());

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.topic()).isEqualTo(ConfigTopic.ISAKMP_POLICY);
              assertThat(f.summary())
                  .isEqualTo(
                      "no ISAKMP policy in common between R1 and R2: R1 offers"
                          + " aes 256/sha/pre-share/group 2, R2 offers 3des/md5/pre-share/group 5");
              assertThat(f.linesA()).contains(" encr aes 256", " group 2");
              assertThat(f.linesB()).contains(" encr 3des", " hash md5", " group 5");
            });
  }

  @Test
  void lifetimeAloneDoesNotBreakThePolicyMatch() {
    String shorter = HEALTHY_POLICY.replace("lifetime 86400", "lifetime 3600");

    assertThat(MirrorCheck.compare(Router.r1().withPolicy(shorter).end(), Router.r2().end()))
        .isEmpty();
  }

  @Test
  void aclMismatchIsOneAclFinding() {
    List<MirrorFinding> findings =
        MirrorCheck.compare(
            Router.r1().withAcl("10 permit ip 192.168.1.0 0.0.0.255 172.1.1.0 0.0.0.255").end(),
            Router.r2().end());

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.topic()).isEqualTo(ConfigTopic.ACL);
              assertThat(f.summary())
                  .isEqualTo("ACL VPN-TRAFFIC on R1 is not the mirror image of VPN-TRAFFIC on R2");
              assertThat(f.linesA())
                  .containsExactly(
                      "Extended IP access list VPN-TRAFFIC",
                      "10 permit ip 192.168.1.0 0.0.0.255 172.1.1.0 0.0.0.255");
              assertThat(f.linesB()).contains("10 permit gre host 200.0.0.1 host 100.0.0.1");
            });
  }

  @Test
  void transformSetMismatchIsOneTransformSetFinding() {
    List<MirrorFinding> findings =
        MirrorCheck.compare(
            Router.r1().end(),
            Router.r2()
                .withTransformSet("crypto ipsec transform-set TS-SET esp-3des esp-md5-hmac\n")
                .end());

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.topic()).isEqualTo(ConfigTopic.TRANSFORM_SET);
              assertThat(f.summary())
                  .isEqualTo(
                      "transform set TS-SET differs: R1 esp-aes esp-sha-hmac, R2 esp-3des esp-md5-hmac");
              assertThat(f.linesB())
                  .containsExactly("crypto ipsec transform-set TS-SET esp-3des esp-md5-hmac");
            });
  }

  @Test
  void transformModeMismatchNamesTheModes() {
    List<MirrorFinding> findings =
        MirrorCheck.compare(
            Router.r1().end(),
            Router.r2()
                .withTransformSet(HEALTHY_TS.replace("mode tunnel", "mode transport"))
                .end());

    assertThat(findings)
        .extracting(MirrorFinding::summary)
        .containsExactly(
            "transform set TS-SET differs: R1 esp-aes esp-sha-hmac mode tunnel,"
                + " R2 esp-aes esp-sha-hmac mode transport");
  }

  @Test
  void encryptedKeysCannotBeComparedButAreNotCalledDifferent() {
    List<MirrorFinding> findings =
        MirrorCheck.compare(
            Router.r1().withPsk("6 FLgBaJHXdYY_AcHZZMgQ").end(),
            Router.r2().withPsk("6 RZUcTgGLOPN_bBTdXfaV").end());

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.topic()).isEqualTo(ConfigTopic.PRE_SHARED_KEY);
              assertThat(f.summary())
                  .isEqualTo(
                      "pre-shared keys of R1 and R2 for peer 200.0.0.1 cannot be compared:"
                          + " R1 stores it as type 6, R2 as type 6")
                  .doesNotContain("differ");
              assertThat(f.linesA())
                  .containsExactly("crypto isakmp key 6 <redacted> address 200.0.0.1");
            });
  }

  @Test
  void identicalType7KeysMatch() {
    assertThat(
            MirrorCheck.compare(
                Router.r1().withPsk("7 0822455D0A16").end(),
                Router.r2().withPsk("7 0822455D0A16").end()))
        .isEmpty();
  }

  @Test
  void missingKeyIsNamed() {
    // The key is bound to a wrong address; the builder's own " address <peer>" lands in a comment.
    EndConfig r1 = Router.r1().withPsk("unnets@123 address 200.0.0.9\n!").end();

    assertThat(MirrorCheck.compare(r1, Router.r2().end()))
        .extracting(MirrorFinding::topic, MirrorFinding::summary)
        .containsExactly(
            tuple(ConfigTopic.PRE_SHARED_KEY, "R1 has no pre-shared key for 200.0.0.1"));
  }

  @Test
  void cryptoMapPeeringElsewhereIsNamed() {
    EndConfig healthy = Router.r1().end();
    CryptoConfiguration crypto = healthy.crypto();
    CryptoMapEntry entry = crypto.mapEntries().get(0);
    CryptoMapEntry moved =
        new CryptoMapEntry(
            entry.map(),
            entry.sequence(),
            List.of("200.0.0.9"),
            entry.transformSets(),
            entry.matchAddress(),
            entry.pfsGroup(),
            entry.lines());
    EndConfig r1 =
        new EndConfig(
            "R1",
            R1_PUBLIC,
            new CryptoConfiguration(
                crypto.policies(),
                crypto.keys(),
                crypto.transformSets(),
                List.of(moved),
                crypto.profiles(),
                crypto.interfaces()),
            healthy.accessLists());

    List<MirrorFinding> findings = MirrorCheck.compare(r1, Router.r2().end());

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.topic()).isEqualTo(ConfigTopic.CRYPTO_MAP);
              assertThat(f.summary())
                  .isEqualTo("R1's crypto map CMAP 10 peers 200.0.0.9, not R2's 200.0.0.1");
            });
  }

  @Test
  void cryptoMapMissingFromThePublicInterfaceIsNamed() {
    EndConfig healthy = Router.r2().end();
    CryptoConfiguration withoutMap =
        CryptoConfiguration.merge(
            healthy.crypto(),
            RunningConfigParser.parse(
                    "interface GigabitEthernet0/0\n ip address 200.0.0.1 255.255.255.0\n")
                .value());
    EndConfig r2 = new EndConfig("R2", R2_PUBLIC, withoutMap, healthy.accessLists());

    List<MirrorFinding> findings = MirrorCheck.compare(Router.r1().end(), r2);

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.topic()).isEqualTo(ConfigTopic.CRYPTO_MAP);
              assertThat(f.summary())
                  .isEqualTo(
                      "R2's crypto map CMAP is not applied to GigabitEthernet0/0, which holds 200.0.0.1");
              assertThat(f.linesA()).isEmpty();
              assertThat(f.linesB()).contains("interface GigabitEthernet0/0");
            });
  }

  @Test
  void tunnelAddressesOutsideOneSubnetAreNamed() {
    List<MirrorFinding> findings =
        MirrorCheck.compare(Router.r1().end(), Router.r2().withTunnelAddress("10.0.9.2").end());

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.topic()).isEqualTo(ConfigTopic.TUNNEL_INTERFACE);
              assertThat(f.summary()).contains("Tunnel10", "Tunnel12", "not in the same subnet");
            });
  }

  @Test
  void tunnelProtectionProfilesAreComparedLikeCryptoMaps() {
    String common =
        "crypto isakmp policy 10\n encr aes 256\n hash sha256\n authentication pre-share\n group 14\n"
            + "crypto ipsec transform-set STRONG esp-gcm 256\n"
            + "crypto ipsec transform-set OLD esp-3des esp-md5-hmac\n";
    EndConfig r1 =
        vti("R1", R1_PUBLIC, R2_PUBLIC, "10.0.0.1", common + profile("STRONG", "group14"));
    EndConfig r2ok =
        vti("R2", R2_PUBLIC, R1_PUBLIC, "10.0.0.2", common + profile("STRONG", "group14"));
    EndConfig r2bad =
        vti("R2", R2_PUBLIC, R1_PUBLIC, "10.0.0.2", common + profile("OLD", "group5"));

    assertThat(MirrorCheck.compare(r1, r2ok)).isEmpty();
    assertThat(MirrorCheck.compare(r1, r2bad))
        .extracting(MirrorFinding::topic, MirrorFinding::summary)
        .containsExactly(
            tuple(
                ConfigTopic.TRANSFORM_SET,
                "no transform set in common between R1's IPsec profile VTI and R2's IPsec profile"
                    + " VTI: R1 offers STRONG (esp-gcm 256), R2 offers OLD (esp-3des esp-md5-hmac)"),
            tuple(
                ConfigTopic.TRANSFORM_SET,
                "PFS differs: R1's IPsec profile VTI sets group14, R2's IPsec profile VTI sets"
                    + " group5"));
  }

  private static String profile(String set, String pfs) {
    return "crypto ipsec profile VTI\n set transform-set " + set + "\n set pfs " + pfs + "\n";
  }

  private static EndConfig vti(
      String name, String self, String peer, String tunnelAddress, String crypto) {
    String text =
        crypto
            + "crypto isakmp key k address "
            + peer
            + "\n"
            + "interface Tunnel0\n"
            + " ip address "
            + tunnelAddress
            + " 255.255.255.252\n"
            + " tunnel source GigabitEthernet0/0\n"
            + " tunnel destination "
            + peer
            + "\n"
            + " tunnel protection ipsec profile VTI\n"
            + "interface GigabitEthernet0/0\n"
            + " ip address "
            + self
            + " 255.255.255.0\n";
    return new EndConfig(name, self, RunningConfigParser.parse(text).value(), List.of());
  }

  @Test
  void topicsKnowTheirPhase() {
    assertThat(ConfigTopic.ISAKMP_POLICY.phase()).isEqualTo(1);
    assertThat(ConfigTopic.PRE_SHARED_KEY.phase()).isEqualTo(1);
    assertThat(ConfigTopic.ACL.phase()).isEqualTo(2);
    assertThat(ConfigTopic.TRANSFORM_SET.phase()).isEqualTo(2);
    assertThat(ConfigTopic.CRYPTO_MAP.phase()).isZero();
    assertThat(ConfigTopic.TUNNEL_INTERFACE.phase()).isZero();
  }
}
