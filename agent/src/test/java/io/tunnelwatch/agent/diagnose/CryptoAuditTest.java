package io.tunnelwatch.agent.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tunnelwatch.ios.config.CryptoConfiguration;
import io.tunnelwatch.ios.config.RunningConfigParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class CryptoAuditTest {

  private static final String REFERENCE =
      "crypto isakmp policy 10\n"
          + " encr aes 256\n"
          + " hash sha\n"
          + " authentication pre-share\n"
          + " group 2\n"
          + " lifetime 86400\n"
          + "crypto isakmp key unnets@123 address 200.0.0.1\n"
          + "crypto ipsec transform-set TS-SET esp-aes esp-sha-hmac\n"
          + " mode tunnel\n"
          + "crypto map CMAP 10 ipsec-isakmp\n"
          + " set peer 200.0.0.1\n"
          + " set transform-set TS-SET\n"
          + " match address VPN-TRAFFIC\n";

  private static CryptoConfiguration parse(String text) {
    return RunningConfigParser.parse(text).value();
  }

  @Test
  void referenceTopologyHasWeakDhGroupAndLegacySha1() {
    List<AuditFinding> findings = CryptoAudit.audit("R1", parse(REFERENCE));

    assertThat(findings)
        .extracting(AuditFinding::level, AuditFinding::item, AuditFinding::line)
        .containsExactly(
            tuple("legacy", "ISAKMP policy 10 hash sha", "hash sha"),
            tuple("weak", "ISAKMP policy 10 group 2", "group 2"),
            tuple(
                "legacy",
                "transform set TS-SET esp-sha-hmac",
                "crypto ipsec transform-set TS-SET esp-aes esp-sha-hmac"));
    assertThat(findings.get(1).reason())
        .isEqualTo("DH group 2 (1024-bit MODP) is weak; use group 14 or higher, or 19/20");
    assertThat(findings.get(0).reason()).isEqualTo("SHA-1 is legacy; prefer sha256 or higher");
    assertThat(findings).allMatch(f -> f.device().equals("R1"));
    assertThat(findings.toString()).doesNotContain("unnets@123");
  }

  @Test
  void strongConfigurationHasNothingToFlag() {
    String strong =
        "crypto isakmp policy 10\n"
            + " encr aes 256\n"
            + " hash sha384\n"
            + " authentication pre-share\n"
            + " group 20\n"
            + " lifetime 28800\n"
            + "crypto ipsec transform-set GCM esp-gcm 256\n"
            + "crypto ipsec transform-set CBC esp-aes 256 esp-sha256-hmac\n"
            + "crypto ipsec profile VTI\n"
            + " set transform-set GCM CBC\n"
            + " set pfs group19\n"
            + " set security-association lifetime seconds 3600\n";

    assertThat(CryptoAudit.audit("R1", parse(strong))).isEmpty();
  }

  @Test
  void faultPolicyAndTransformSetAreWeak() {
    String weak =
        "crypto isakmp policy 10\n encr 3des\n hash md5\n authentication pre-share\n group 5\n"
            + " lifetime 86400\n"
            + "crypto ipsec transform-set TS-SET esp-3des esp-md5-hmac\n";

    assertThat(CryptoAudit.audit("R2", parse(weak)))
        .extracting(AuditFinding::level, AuditFinding::item)
        .containsExactly(
            tuple("weak", "ISAKMP policy 10 encryption 3des"),
            tuple("weak", "ISAKMP policy 10 hash md5"),
            tuple("weak", "ISAKMP policy 10 group 5"),
            tuple("weak", "transform set TS-SET esp-3des"),
            tuple("weak", "transform set TS-SET esp-md5-hmac"));
  }

  @Test
  void iosDefaultsAreAuditedAgainstTheHeader() {
    List<AuditFinding> findings =
        CryptoAudit.audit("R1", parse("crypto isakmp policy 30\n authentication pre-share\n"));

    assertThat(findings)
        .extracting(AuditFinding::item)
        .containsExactly(
            "ISAKMP policy 30 encryption des",
            "ISAKMP policy 30 hash sha",
            "ISAKMP policy 30 group 1");
    assertThat(findings).allMatch(f -> f.line().equals("crypto isakmp policy 30"));
    assertThat(findings).allMatch(f -> f.reason().contains("IOS default"));
  }

  @Test
  void lifetimesAndPfsOutsideBoundsAreWeak() {
    String text =
        "crypto isakmp policy 10\n encr aes 256\n hash sha256\n group 14\n lifetime 300\n"
            + "crypto map CMAP 10 ipsec-isakmp\n"
            + " set peer 200.0.0.1\n"
            + " set pfs group2\n"
            + " set security-association lifetime seconds 100000\n"
            + "crypto ipsec security-association lifetime seconds 120\n";

    List<AuditFinding> findings = CryptoAudit.audit("R1", parse(text));

    assertThat(findings)
        .extracting(AuditFinding::item, AuditFinding::line)
        .containsExactly(
            tuple("ISAKMP policy 10 lifetime 300", "lifetime 300"),
            tuple("crypto map CMAP 10 PFS group2", "set pfs group2"),
            tuple(
                "crypto map CMAP 10 SA lifetime 100000 s",
                "set security-association lifetime seconds 100000"),
            tuple(
                "global IPsec SA lifetime 120 s",
                "crypto ipsec security-association lifetime seconds 120"));
    assertThat(findings).allMatch(f -> f.level().equals("weak"));
  }
}
