package io.tunnelwatch.ios.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.ios.model.AddressFamily;
import io.tunnelwatch.ios.model.Ikev2Sa;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ikev2SaParserTest {

  @Test
  void parsesPlainTableWithCrlfAndPrompt() {
    Parsed<List<Ikev2Sa>> parsed = Ikev2SaParser.parse(Samples.read("r1-ikev2-sa.txt"));

    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.value()).hasSize(1);
    Ikev2Sa sa = parsed.value().get(0);
    assertThat(sa.family()).isEqualTo(AddressFamily.IPV4);
    assertThat(sa.tunnelId()).isEqualTo(1);
    assertThat(sa.localAddress()).isEqualTo("100.0.0.1");
    assertThat(sa.localPort()).hasValue(500);
    assertThat(sa.remoteAddress()).isEqualTo("200.0.0.1");
    assertThat(sa.remotePort()).hasValue(500);
    assertThat(sa.frontVrf()).contains("none");
    assertThat(sa.insideVrf()).contains("none");
    assertThat(sa.status()).isEqualTo("READY");
    assertThat(sa.encryption()).contains("AES-CBC");
    assertThat(sa.keySize()).hasValue(256);
    assertThat(sa.prf()).contains("SHA512");
    assertThat(sa.hash()).contains("SHA512");
    assertThat(sa.dhGroup()).hasValue(19);
    assertThat(sa.authSign()).contains("PSK");
    assertThat(sa.authVerify()).contains("PSK");
    assertThat(sa.lifetimeSeconds()).hasValue(86400);
    assertThat(sa.activeSeconds()).hasValue(735);
    assertThat(sa.lifetimeRemainingSeconds()).hasValue(86400 - 735);
    assertThat(sa.sessionId()).isEmpty();
    assertThat(sa.localSpi()).isEmpty();
    assertThat(sa.initiator()).isEmpty();
  }

  @Test
  void parsesDetailWithNegotiatingSaAndIpv6NarrowRows() {
    Parsed<List<Ikev2Sa>> parsed = Ikev2SaParser.parse(Samples.read("r1-ikev2-sa-detail.txt"));

    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.value()).extracting(Ikev2Sa::tunnelId).containsExactly(1L, 2L, 3L);
    Ikev2Sa nat = parsed.value().get(0);
    assertThat(nat.localPort()).hasValue(4500);
    assertThat(nat.ceId()).hasValue(1001);
    assertThat(nat.sessionId()).hasValue(7);
    assertThat(nat.localSpi()).contains("4CF87E32B25302C0");
    assertThat(nat.remoteSpi()).contains("96254131FD306002");
    assertThat(nat.statusDescription()).contains("Negotiation done");
    assertThat(nat.localId()).contains("100.0.0.1");
    assertThat(nat.remoteId()).contains("200.0.0.1");
    assertThat(nat.initiator()).contains(true);

    Ikev2Sa negotiating = parsed.value().get(1);
    assertThat(negotiating.status()).isEqualTo("IN-NEG");
    assertThat(negotiating.encryption()).contains("Unknown - 0");
    assertThat(negotiating.keySize()).isEmpty();
    assertThat(negotiating.dhGroup()).hasValue(0);
    assertThat(negotiating.activeSeconds()).hasValue(0);

    Ikev2Sa v6 = parsed.value().get(2);
    assertThat(v6.family()).isEqualTo(AddressFamily.IPV6);
    assertThat(v6.localAddress()).isEqualTo("2001:DB8::1");
    assertThat(v6.remoteAddress()).isEqualTo("2001:DB8::2");
    assertThat(v6.remotePort()).hasValue(500);
    assertThat(v6.insideVrf()).contains("blue");
    // active longer than the lifetime (rekey overdue): remaining is clamped, not negative
    assertThat(v6.lifetimeRemainingSeconds()).hasValue(0);
  }

  @Test
  void headersOnlyIsNoSas() {
    Parsed<List<Ikev2Sa>> parsed =
        Ikev2SaParser.parse(" IPv4 Crypto IKEv2  SA\n\n IPv6 Crypto IKEv2  SA\n");

    assertThat(parsed.value()).isEmpty();
    assertThat(parsed.warnings()).isEmpty();
  }

  @Test
  void unknownLinesWarnAndKeepTheRest() {
    Parsed<List<Ikev2Sa>> parsed =
        Ikev2SaParser.parse(
            "IPv4 Crypto IKEv2 SA\n"
                + "Tunnel-id Local Remote fvrf/ivrf Status\n"
                + "1 10.1.1.1/500 10.2.2.2/500 none/none READY\n"
                + "Something new: 42\n"
                + "Life/Active Time: 100/40 sec\n");

    assertThat(parsed.value())
        .singleElement()
        .satisfies(
            sa -> {
              assertThat(sa.lifetimeRemainingSeconds()).hasValue(60);
            });
    assertThat(parsed.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.lineNumber()).isEqualTo(4);
              assertThat(w.line()).isEqualTo("Something new: 42");
            });
  }

  @Test
  void rejectsIosErrorsEmptyAndUnrelatedText() {
    assertThatThrownBy(
            () ->
                Ikev2SaParser.parse(
                    "R1#show crypto ikev2 sa\n% Invalid input detected at '^' marker.\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("IOS rejected the command");
    assertThatThrownBy(() -> Ikev2SaParser.parse(""))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("empty output");
    assertThatThrownBy(() -> Ikev2SaParser.parse("Tunnel10 is up, line protocol is up\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("not 'show crypto ikev2 sa' output");
  }
}
