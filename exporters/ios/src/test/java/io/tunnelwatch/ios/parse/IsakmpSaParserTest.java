package io.tunnelwatch.ios.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.ios.model.AddressFamily;
import io.tunnelwatch.ios.model.IsakmpSa;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsakmpSaParserTest {

  @Test
  void parsesR1PlainTable() {
    Parsed<List<IsakmpSa>> parsed = IsakmpSaParser.parse(Samples.read("r1-isakmp-sa.txt"));

    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.value()).hasSize(2);
    IsakmpSa up = parsed.value().get(0);
    assertThat(up.destination()).isEqualTo("200.0.0.1");
    assertThat(up.source()).isEqualTo("100.0.0.1");
    assertThat(up.sidesKnown()).isFalse();
    assertThat(up.state()).contains("QM_IDLE");
    assertThat(up.connId()).hasValue(1001);
    assertThat(up.status()).contains("ACTIVE");
    assertThat(up.deleted()).isFalse();
    assertThat(up.lifetimeRemainingSeconds()).isEmpty();
    IsakmpSa old = parsed.value().get(1);
    assertThat(old.state()).contains("MM_NO_STATE");
    assertThat(old.deleted()).isTrue();
  }

  @Test
  void parsesR1DetailTable() {
    Parsed<List<IsakmpSa>> parsed = IsakmpSaParser.parse(Samples.read("r1-isakmp-sa-detail.txt"));

    assertThat(parsed.warnings()).isEmpty();
    IsakmpSa sa = parsed.value().get(0);
    assertThat(sa.sidesKnown()).isTrue();
    assertThat(sa.destination()).isEqualTo("200.0.0.1");
    assertThat(sa.source()).isEqualTo("100.0.0.1");
    assertThat(sa.connId()).hasValue(1001);
    assertThat(sa.state()).isEmpty();
    assertThat(sa.status()).contains("ACTIVE");
    assertThat(sa.insideVrf()).isEmpty();
    assertThat(sa.encryption()).contains("aes");
    assertThat(sa.hash()).contains("sha");
    assertThat(sa.authentication()).contains("psk");
    assertThat(sa.dhGroup()).hasValue(2);
    assertThat(sa.lifetimeRemainingSeconds()).hasValue(23 * 3600 + 2 * 60 + 57);
    assertThat(sa.capabilities()).isEmpty();
    assertThat(sa.engineId()).contains("SW");
    assertThat(sa.engineConnId()).hasValue(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "classic slot column|dst src state conn-id slot status\\n200.0.0.1 100.0.0.1 QM_IDLE 1001 0 ACTIVE|200.0.0.1|QM_IDLE|1001",
        "no status column|dst src state conn-id slot\\n200.0.0.1 100.0.0.1 MM_KEY_EXCH 1002 0|200.0.0.1|MM_KEY_EXCH|1002",
        "ipv6 wrapped row|IPv4 Crypto ISAKMP SA\\ndst src state conn-id status\\nIPv6 Crypto ISAKMP SA\\n2001:DB8:0:ABCD::2\\n 2001:DB8:0:ABCD::1 QM_IDLE 1003 ACTIVE|2001:DB8:0:ABCD::2|QM_IDLE|1003",
        "ipv6 block form|IPv6 Crypto ISAKMP SA\\n\\ndst: 2001:DB8::2\\nsrc: 2001:DB8::1\\nstate: QM_IDLE         conn-id:   1004 status: ACTIVE|2001:DB8::2|QM_IDLE|1004",
      })
  void parsesPlainVariants(String name, String output, String dst, String state, long connId) {
    Parsed<List<IsakmpSa>> parsed = IsakmpSaParser.parse(output.replace("\\n", "\n"));

    assertThat(parsed.warnings()).as(name).isEmpty();
    IsakmpSa sa = parsed.value().get(0);
    assertThat(sa.destination()).isEqualTo(dst);
    assertThat(sa.state()).contains(state);
    assertThat(sa.connId()).hasValue(connId);
  }

  @Test
  void ipv6DetailRowsWrapAndKeepTheirFamily() {
    String output =
        "IPv6 Crypto ISAKMP SA\n\nC-id  Local           Remote          I-VRF  Status Encr Hash   Auth DH Lifetime Cap.\n\n"
            + "1005  3FFE:2002::A8BB:CCFF:FE01:9002\n"
            + "                3FFE:2002::A8BB:CCFF:FE01:2C02\n"
            + "                         ACTIVE 3des md5 psk 1 23:59:59 DN\n"
            + "       Engine-id:Conn-id =  SW:5\n";

    IsakmpSa sa = IsakmpSaParser.parse(output).value().get(0);

    assertThat(sa.family()).isEqualTo(AddressFamily.IPV6);
    assertThat(sa.source()).isEqualTo("3FFE:2002::A8BB:CCFF:FE01:9002");
    assertThat(sa.destination()).isEqualTo("3FFE:2002::A8BB:CCFF:FE01:2C02");
    assertThat(sa.capabilities()).contains("DN");
    assertThat(sa.engineConnId()).hasValue(5);
  }

  @Test
  void headersOnlyMeanNoSas() {
    assertThat(
            IsakmpSaParser.parse(
                    "IPv4 Crypto ISAKMP SA\ndst src state conn-id status\n\nIPv6 Crypto ISAKMP SA\n")
                .value())
        .isEmpty();
  }

  @Test
  void rejectsEmptyAndForeignOutput() {
    assertThatThrownBy(() -> IsakmpSaParser.parse("")).isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> IsakmpSaParser.parse("CPU utilization for five seconds: 1%/0%"))
        .isInstanceOf(ParseException.class);
  }
}
