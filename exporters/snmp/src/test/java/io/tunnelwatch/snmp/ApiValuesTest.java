package io.tunnelwatch.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.snmp.trap.TrapReceiverConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiValuesTest {

  @Test
  void targetsAndCredentialsNeverPrintSecrets() {
    SnmpTarget v2c =
        new SnmpTarget(
            "r1", 161, Duration.ofSeconds(1), 2, new SnmpCredentials.Community("s3cr3t-comm"));
    SnmpTarget v3 =
        new SnmpTarget(
            "r2",
            161,
            Duration.ofSeconds(1),
            2,
            SnmpCredentials.UsmUser.authPriv(
                "monitor", AuthProtocol.SHA, "auth-s3cr3t", PrivProtocol.AES128, "priv-s3cr3t"));
    TrapReceiverConfig traps =
        new TrapReceiverConfig(
            new InetSocketAddress("127.0.0.1", 0),
            List.of("trap-s3cr3t"),
            List.of(SnmpCredentials.UsmUser.authNoPriv("t", AuthProtocol.SHA256, "auth-s3cr3t")));

    assertThat(v2c.toString()).doesNotContain("s3cr3t").contains("r1");
    assertThat(v3.toString())
        .doesNotContain("s3cr3t")
        .contains("monitor")
        .contains("SHA")
        .contains("AES128");
    assertThat(traps.toString()).doesNotContain("s3cr3t");
    assertThat(new SnmpCredentials.Authentication(AuthProtocol.MD5, "auth-s3cr3t").toString())
        .doesNotContain("s3cr3t");
    assertThat(new SnmpCredentials.Privacy(PrivProtocol.DES, "priv-s3cr3t").toString())
        .doesNotContain("s3cr3t");
  }

  @Test
  void badSettingsNameWhatWasExpectedWithoutEchoingSecrets() {
    assertThatThrownBy(() -> SnmpCredentials.UsmUser.authNoPriv("u", AuthProtocol.SHA, "short"))
        .hasMessage("expected an SNMPv3 authentication passphrase of at least 8 characters");
    assertThatThrownBy(
            () ->
                new SnmpCredentials.UsmUser(
                    "u",
                    java.util.Optional.empty(),
                    java.util.Optional.of(
                        new SnmpCredentials.Privacy(PrivProtocol.AES128, "priv-s3cr3t"))))
        .hasMessageContaining("privacy needs authentication");
    assertThatThrownBy(() -> new SnmpCredentials.Community(""))
        .hasMessage("expected a non-empty SNMP community");
    assertThatThrownBy(
            () ->
                new SnmpTarget(
                    "r1", 0, Duration.ofSeconds(1), 1, new SnmpCredentials.Community("c")))
        .hasMessage("expected a UDP port in 1..65535, got 0");
    assertThatThrownBy(
            () -> new SnmpTarget("r1", 161, Duration.ZERO, 1, new SnmpCredentials.Community("c")))
        .hasMessageContaining("expected a timeout");
    assertThatThrownBy(() -> new WalkLimits(0, 10, Duration.ofSeconds(1)))
        .hasMessage("expected GETBULK max-repetitions in 1..100, got 0");
    assertThatThrownBy(
            () -> new TrapReceiverConfig(new InetSocketAddress(162), List.of(), List.of()))
        .hasMessageContaining("expected at least one trap community or SNMPv3 user");
  }

  @Test
  void oidsParseCompareUnsignedAndRejectGarbage() {
    Oid big = Oid.parse("1.3.4294967295");
    Oid small = Oid.parse(".1.3.2");

    assertThat(big.toString()).isEqualTo("1.3.4294967295");
    assertThat(small.compareTo(big)).isNegative();
    assertThat(Oid.parse("1.3").compareTo(Oid.parse("1.3.0"))).isNegative();
    assertThat(big.startsWith(Oid.parse("1.3"))).isTrue();
    assertThat(big.suffixAfter(Oid.parse("1.3"))).isEqualTo(Oid.of(-1));
    assertThat(Oid.parse("1.3.6").append(1, 2)).isEqualTo(Oid.parse("1.3.6.1.2"));
    assertThatThrownBy(() -> Oid.parse("1.3.x"))
        .hasMessage("expected a numeric OID like 1.3.6.1, got '1.3.x' (arc 3)");
    assertThatThrownBy(() -> Oid.parse("1..3")).hasMessageContaining("(arc 2)");
    assertThatThrownBy(() -> Oid.parse("1.3.4294967296"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void snmpExceptionKeepsItsKindWithContext() {
    SnmpException e = new SnmpException(SnmpException.Kind.TIMEOUT, "no response");

    SnmpException wrapped = e.withContext("device R1 (r1:161): ");

    assertThat(wrapped.kind()).isEqualTo(SnmpException.Kind.TIMEOUT);
    assertThat(wrapped).hasMessage("device R1 (r1:161): no response").hasCause(e);
  }
}
