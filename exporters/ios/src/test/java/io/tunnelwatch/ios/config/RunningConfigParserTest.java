package io.tunnelwatch.ios.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.ios.parse.ParseException;
import io.tunnelwatch.ios.parse.ParseWarning;
import io.tunnelwatch.ios.parse.Parsed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RunningConfigParserTest {

  private static final String KEY = "unnets@123";

  @Test
  void readsHealthyR1CryptoSection() {
    Parsed<CryptoConfiguration> parsed = RunningConfigParser.parse(LabTexts.R1_CRYPTO);
    CryptoConfiguration config = parsed.value();

    assertThat(parsed.warnings()).isEmpty();
    assertThat(config.policies())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.priority()).isEqualTo(10);
              assertThat(p.encryption()).isEqualTo("aes 256");
              assertThat(p.hash()).isEqualTo("sha");
              assertThat(p.authentication()).isEqualTo("pre-share");
              assertThat(p.group()).isEqualTo(2);
              assertThat(p.lifetime()).isEqualTo(Duration.ofSeconds(86400));
              assertThat(p.lines())
                  .containsExactly(
                      "crypto isakmp policy 10",
                      " encr aes 256",
                      " hash sha",
                      " authentication pre-share",
                      " group 2",
                      " lifetime 86400");
            });
    PreSharedKey key = config.keyFor("200.0.0.1").orElseThrow();
    assertThat(key.peer()).isEqualTo("200.0.0.1");
    assertThat(key.encryptionType()).isZero();
    assertThat(key.key()).isEqualTo(KeyDigest.of(KEY));
    assertThat(key.redactedLine()).isEqualTo("crypto isakmp key <redacted> address 200.0.0.1");
    assertThat(config.keyFor("200.0.0.2")).isEmpty();
    TransformSetConfig set = config.transformSet("TS-SET").orElseThrow();
    assertThat(set.transforms()).containsExactly("esp-aes", "esp-sha-hmac");
    assertThat(set.mode()).isEqualTo("tunnel");
    assertThat(config.mapEntries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.map()).isEqualTo("CMAP");
              assertThat(e.sequence()).isEqualTo(10);
              assertThat(e.peers()).containsExactly("200.0.0.1");
              assertThat(e.transformSets()).containsExactly("TS-SET");
              assertThat(e.matchAddress()).contains("VPN-TRAFFIC");
              assertThat(e.pfsGroup()).isEmpty();
            });
    InterfaceConfig wan = config.iface("GigabitEthernet0/0").orElseThrow();
    assertThat(wan.address()).contains("100.0.0.1 255.255.255.0");
    assertThat(wan.cryptoMap()).contains("CMAP");
    assertThat(wan.isTunnel()).isFalse();
    assertThat(wan.lines()).hasSize(6);
  }

  @Test
  void readsTunnelInterfaceAndMergesItIn() {
    Parsed<CryptoConfiguration> tunnel = RunningConfigParser.parse(LabTexts.R1_TUNNEL);

    assertThat(tunnel.warnings()).isEmpty();
    InterfaceConfig tunnel10 = tunnel.value().iface("Tunnel10").orElseThrow();
    assertThat(tunnel10.address()).contains("10.0.0.1 255.255.255.0");
    assertThat(tunnel10.tunnelSource()).contains("100.0.0.1");
    assertThat(tunnel10.tunnelDestination()).contains("200.0.0.1");
    assertThat(tunnel10.tunnelProtection()).isEmpty();
    assertThat(tunnel10.lines()).doesNotContain("end", "!");

    CryptoConfiguration merged =
        RunningConfigParser.merge(
            RunningConfigParser.parse(LabTexts.R1_CRYPTO).value(), tunnel.value());
    assertThat(merged.interfaces())
        .extracting(InterfaceConfig::name)
        .containsExactly("GigabitEthernet0/0", "Tunnel10");
    assertThat(merged.policies()).hasSize(1);
    assertThat(merged.keyFor("200.0.0.1")).isPresent();
  }

  @Test
  void laterInterfaceSectionWinsInMerge() {
    CryptoConfiguration first = RunningConfigParser.parse(LabTexts.R1_TUNNEL).value();
    CryptoConfiguration second =
        RunningConfigParser.parse("interface Tunnel10\n ip address 10.0.0.5 255.255.255.0\n")
            .value();

    CryptoConfiguration merged = CryptoConfiguration.merge(first, second);

    assertThat(merged.interfaces()).singleElement();
    assertThat(merged.iface("tunnel10").orElseThrow().address()).contains("10.0.0.5 255.255.255.0");
  }

  @Test
  void pskMismatchGivesAnotherDigest() {
    CryptoConfiguration healthy = RunningConfigParser.parse(LabTexts.R1_CRYPTO).value();
    CryptoConfiguration fault =
        RunningConfigParser.parse(LabTexts.crypto("100.0.0.1", "200.0.0.1", "unnets@321")).value();

    assertThat(fault.keyFor("200.0.0.1").orElseThrow().key())
        .isNotEqualTo(healthy.keyFor("200.0.0.1").orElseThrow().key());
    assertThat(fault.keyFor("200.0.0.1").orElseThrow().redactedLine())
        .isEqualTo(healthy.keyFor("200.0.0.1").orElseThrow().redactedLine());
  }

  @Test
  void isakmpPolicyMismatchFault() {
    String text =
        "crypto isakmp policy 10\n encr 3des\n hash md5\n authentication pre-share\n"
            + " group 5\n lifetime 86400\n";

    IsakmpPolicyConfig policy = RunningConfigParser.parse(text).value().policies().get(0);

    assertThat(policy.encryption()).isEqualTo("3des");
    assertThat(policy.hash()).isEqualTo("md5");
    assertThat(policy.group()).isEqualTo(5);
    assertThat(policy.proposal()).isEqualTo("3des/md5/pre-share/group 5");
  }

  @Test
  void transformSetMismatchFault() {
    TransformSetConfig set =
        RunningConfigParser.parse(
                "crypto ipsec transform-set TS-SET esp-3des esp-md5-hmac\n mode tunnel\n")
            .value()
            .transformSet("TS-SET")
            .orElseThrow();

    assertThat(set.transforms()).containsExactly("esp-3des", "esp-md5-hmac");
  }

  @Test
  void omittedPolicyLinesTakeIosDefaults() {
    IsakmpPolicyConfig policy =
        RunningConfigParser.parse("crypto isakmp policy 20\n").value().policies().get(0);

    assertThat(policy.encryption()).isEqualTo("des");
    assertThat(policy.hash()).isEqualTo("sha");
    assertThat(policy.authentication()).isEqualTo("rsa-sig");
    assertThat(policy.group()).isEqualTo(1);
    assertThat(policy.lifetime()).isEqualTo(Duration.ofDays(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"encr aes", "encryption aes 128", "encryption aes"})
  void aes128IsNormalisedToAes(String line) {
    String text = "crypto isakmp policy 1\n " + line + "\n hash sha256\n group 14\n";

    IsakmpPolicyConfig policy = RunningConfigParser.parse(text).value().policies().get(0);

    assertThat(policy.encryption()).isEqualTo("aes");
    assertThat(policy.hash()).isEqualTo("sha256");
    assertThat(policy.group()).isEqualTo(14);
  }

  @Test
  void readsKeyringsProfilesAndEncryptedKeys() {
    String text =
        "crypto keyring KR-BRANCH\n"
            + "  local-address GigabitEthernet0/0\n"
            + "  pre-shared-key address 200.0.0.1 key "
            + KEY
            + "\n"
            + "  pre-shared-key address 10.9.0.0 255.255.0.0 key 6 FLgBaJHXdYY_AcHZZMgQ\n"
            + "  pre-shared-key hostname peer.example.net key other\n"
            + "crypto isakmp key 7 0822455D0A16 address 198.51.100.7 no-xauth\n"
            + "crypto isakmp key 6 QWERTY address 0.0.0.0 0.0.0.0\n"
            + "crypto isakmp profile IKE-PROF\n"
            + "   keyring KR-BRANCH\n"
            + "   match identity address 200.0.0.1 255.255.255.255\n"
            + "crypto ipsec transform-set STRONG esp-gcm 256\n"
            + " mode transport\n"
            + "crypto ipsec transform-set MIXED esp-aes 256 esp-sha256-hmac ah-sha-hmac\n"
            + "crypto ipsec profile VTI\n"
            + " set transform-set STRONG MIXED\n"
            + " set pfs group14\n"
            + " set security-association lifetime seconds 3600\n"
            + " set isakmp-profile IKE-PROF\n"
            + "crypto ipsec security-association lifetime seconds 28800\n"
            + "interface Tunnel0\n"
            + " ip address 10.0.0.1 255.255.255.252\n"
            + " ip ospf message-digest-key 1 md5 ospfsecret\n"
            + " tunnel source GigabitEthernet0/0\n"
            + " tunnel destination 200.0.0.1\n"
            + " tunnel protection ipsec profile VTI shared\n";

    Parsed<CryptoConfiguration> parsed = RunningConfigParser.parse(text);
    CryptoConfiguration config = parsed.value();

    assertThat(parsed.warnings()).isEmpty();
    assertThat(config.keys()).hasSize(5);
    PreSharedKey ringKey = config.keyFor("200.0.0.1").orElseThrow();
    assertThat(ringKey.encryptionType()).isZero();
    assertThat(ringKey.key()).isEqualTo(KeyDigest.of(KEY));
    assertThat(ringKey.redactedLine())
        .isEqualTo("  pre-shared-key address 200.0.0.1 key <redacted>");
    PreSharedKey masked = config.keyFor("10.9.3.4").orElseThrow();
    assertThat(masked.encryptionType()).isEqualTo(6);
    assertThat(masked.mask()).contains("255.255.0.0");
    assertThat(masked.redactedLine()).endsWith("key 6 <redacted>");
    assertThat(config.keyFor("peer.example.net")).isPresent();
    PreSharedKey type7 = config.keyFor("198.51.100.7").orElseThrow();
    assertThat(type7.encryptionType()).isEqualTo(7);
    assertThat(type7.redactedLine())
        .isEqualTo("crypto isakmp key 7 <redacted> address 198.51.100.7 no-xauth");
    assertThat(config.keyFor("203.0.113.1").orElseThrow().mask()).contains("0.0.0.0");

    assertThat(config.transformSet("STRONG").orElseThrow().transforms())
        .containsExactly("esp-gcm 256");
    assertThat(config.transformSet("STRONG").orElseThrow().mode()).isEqualTo("transport");
    assertThat(config.transformSet("MIXED").orElseThrow().transforms())
        .containsExactly("esp-aes 256", "esp-sha256-hmac", "ah-sha-hmac");
    IpsecProfileConfig profile = config.profile("VTI").orElseThrow();
    assertThat(profile.transformSets()).containsExactly("STRONG", "MIXED");
    assertThat(profile.pfsGroup()).contains("group14");
    assertThat(profile.saLifetime()).contains(Duration.ofHours(1));
    assertThat(config.globalSaLifetime()).contains(Duration.ofHours(8));
    InterfaceConfig tunnel = config.iface("Tunnel0").orElseThrow();
    assertThat(tunnel.tunnelProtection()).contains("VTI");
    assertThat(tunnel.tunnelSource()).contains("GigabitEthernet0/0");
    assertThat(tunnel.lines()).contains(" ip ospf message-digest-key 1 md5 <redacted>");
    assertThat(parsed.toString()).doesNotContain(KEY, "ospfsecret", "QWERTY", "0822455D0A16");
  }

  @Test
  void cryptoMapEntryWithPfsAndSeveralPeers() {
    String text =
        "crypto map CMAP 20 ipsec-isakmp\n"
            + " description backup\n"
            + " set peer 200.0.0.1\n"
            + " set peer 200.0.0.2 default\n"
            + " set security-association lifetime seconds 1800\n"
            + " set transform-set A B\n"
            + " set pfs\n"
            + " match address 101\n"
            + "crypto map CMAP local-address GigabitEthernet0/0\n"
            + "crypto map CMAP 30 ipsec-isakmp dynamic DYN\n";

    Parsed<CryptoConfiguration> parsed = RunningConfigParser.parse(text);

    assertThat(parsed.warnings()).isEmpty();
    CryptoMapEntry entry = parsed.value().mapEntries().get(0);
    assertThat(parsed.value().mapEntries()).hasSize(1);
    assertThat(entry.peers()).containsExactly("200.0.0.1", "200.0.0.2");
    assertThat(entry.transformSets()).containsExactly("A", "B");
    assertThat(entry.pfsGroup()).contains("group1");
    assertThat(entry.matchAddress()).contains("101");
    assertThat(entry.saLifetime()).contains(Duration.ofMinutes(30));
    assertThat(entry.label()).isEqualTo("CMAP 20");
  }

  @Test
  void skipsUnknownLinesWithRedactedWarnings() {
    String text =
        "crypto isakmp policy 10\n"
            + " encr aes 256\n"
            + " frobnicate now\n"
            + "crypto isakmp key "
            + KEY
            + "\n"
            + "crypto pki trustpoint TP-self-signed-1\n"
            + " enrollment selfsigned\n"
            + "crypto pki certificate chain TP-self-signed-1\n"
            + " certificate self-signed 01\n"
            + "  3082022B 30820194 A0030201 02020101\n"
            + "  \tquit\n"
            + "crypto gizmo enable\n"
            + "snmp-server community "
            + KEY
            + " RO\n"
            + "   orphan line\n";

    Parsed<CryptoConfiguration> parsed = RunningConfigParser.parse(text);

    assertThat(parsed.value().policies()).hasSize(1);
    assertThat(parsed.value().keys()).isEmpty();
    assertThat(parsed.warnings())
        .extracting(ParseWarning::lineNumber)
        .containsExactly(3, 4, 11, 12);
    assertThat(parsed.warnings().get(1).line()).isEqualTo("crypto isakmp key <redacted>");
    assertThat(parsed.warnings().toString()).doesNotContain(KEY);
  }

  @Test
  void keyTextAppearsNowhereInTheResult() {
    Parsed<CryptoConfiguration> parsed = RunningConfigParser.parse(LabTexts.R1_CRYPTO);

    assertThat(parsed.toString()).doesNotContain(KEY).contains("<redacted>");
    assertThat(parsed.value().keys().get(0).key().toString()).isEqualTo("<redacted>");
    assertThat(parsed.value().keys().get(0).toString()).doesNotContain(KEY);
  }

  @Test
  void emptyOutputIsAnEmptyConfiguration() {
    Parsed<CryptoConfiguration> parsed = RunningConfigParser.parse("");

    assertThat(parsed.value()).isEqualTo(CryptoConfiguration.empty());
    assertThat(parsed.warnings()).isEmpty();
  }

  @Test
  void promptAndEchoAreDropped() {
    String text = "R1#show running-config | section crypto\n" + LabTexts.R1_CRYPTO + "R1#";

    Parsed<CryptoConfiguration> parsed = RunningConfigParser.parse(text);

    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.value().policies()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "show running-config | section crypto\n                      ^\n"
            + "% Invalid input detected at '^' marker.\n",
        "% Authorization failed.\n",
        "Command authorization failed.\n",
        "% This command is not authorized\n"
      })
  void deniedOutputIsRecognisedAndRejected(String output) {
    assertThat(RunningConfigParser.isDenied(output)).isTrue();
    assertThatThrownBy(() -> RunningConfigParser.parse(output))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("refused");
  }

  @Test
  void ordinaryOutputIsNotDenied() {
    assertThat(RunningConfigParser.isDenied(LabTexts.R1_CRYPTO)).isFalse();
    assertThat(RunningConfigParser.isDenied("% Incomplete command.")).isFalse();
  }

  @Test
  void otherIosErrorsAreRejected() {
    assertThatThrownBy(() -> RunningConfigParser.parse("% Incomplete command.\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("Incomplete command");
  }

  @Test
  void keyForPrefersExactBindingOverNetwork() {
    CryptoConfiguration config =
        RunningConfigParser.parse(
                "crypto isakmp key wide address 0.0.0.0 0.0.0.0\n"
                    + "crypto isakmp key narrow address 200.0.0.0 255.255.255.0\n"
                    + "crypto isakmp key exact address 200.0.0.1\n")
            .value();

    assertThat(config.keyFor("200.0.0.1").map(PreSharedKey::key))
        .isEqualTo(Optional.of(KeyDigest.of("exact")));
    assertThat(config.keyFor("200.0.0.7").map(PreSharedKey::key))
        .isEqualTo(Optional.of(KeyDigest.of("narrow")));
    assertThat(config.keyFor("9.9.9.9").map(PreSharedKey::key))
        .isEqualTo(Optional.of(KeyDigest.of("wide")));
  }

  @Test
  void interfaceSectionKeepsOnlyPrimaryAddress() {
    InterfaceConfig iface =
        RunningConfigParser.parse(
                "interface GigabitEthernet0/1\n"
                    + " ip address 192.168.1.1 255.255.255.0\n"
                    + " ip address 192.168.9.1 255.255.255.0 secondary\n")
            .value()
            .interfaces()
            .get(0);

    assertThat(iface.address()).contains("192.168.1.1 255.255.255.0");
    assertThat(iface.ip()).contains("192.168.1.1");
    assertThat(iface.mask()).contains("255.255.255.0");
    assertThat(List.of(iface.cryptoMap(), iface.tunnelDestination())).allMatch(Optional::isEmpty);
  }
}
