package io.tunnelwatch.ios.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.ios.model.InterfaceStatistics;
import io.tunnelwatch.ios.model.InterfaceStatus;
import io.tunnelwatch.ios.model.TunnelSettings;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InterfacesParserTest {

  @Test
  void parsesR1Tunnel() {
    Parsed<List<InterfaceStatus>> parsed =
        InterfacesParser.parse(Samples.read("r1-interfaces.txt"));

    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.value()).hasSize(2);
    InterfaceStatus tunnel = parsed.value().get(0);
    assertThat(tunnel)
        .isEqualTo(
            new InterfaceStatus(
                "Tunnel10",
                "up",
                "up",
                Optional.empty(),
                Optional.of("10.0.0.1/24"),
                OptionalInt.of(17916),
                Optional.of(
                    new TunnelSettings(
                        Optional.of("100.0.0.1"),
                        Optional.of("FastEthernet0/0"),
                        Optional.of("200.0.0.1"),
                        Optional.of("GRE/IP"),
                        Optional.of("IPSEC-PROF"),
                        OptionalInt.of(1476))),
                new InterfaceStatistics(
                    OptionalLong.of(5_123_456_789L),
                    OptionalLong.of(712_345_678_901L),
                    OptionalLong.of(5),
                    OptionalLong.of(5_123_456_999L),
                    OptionalLong.of(712_345_679_999L),
                    OptionalLong.of(6),
                    OptionalLong.of(4),
                    OptionalLong.of(0),
                    OptionalLong.of(7))));
    InterfaceStatus wan = parsed.value().get(1);
    assertThat(wan.administrativelyDown()).isTrue();
    assertThat(wan.lineProtocolUp()).isFalse();
    assertThat(wan.tunnel()).isEmpty();
    // counters the output does not show stay empty rather than zero
    assertThat(wan.statistics().inputPackets()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "up/up|Tunnel12 is up, line protocol is up |up|up",
        "admin down|Tunnel12 is administratively down, line protocol is down |administratively down|down",
        "notconnect|Gi1 is down, line protocol is down (notconnect) |down|down",
        "autostate|Vlan1 is up, line protocol is down , Autostate Enabled|up|down",
      })
  void headerForms(String name, String header, String status, String protocol) {
    InterfaceStatus i = InterfacesParser.parse(header).value().get(0);

    assertThat(i.status()).isEqualTo(status);
    assertThat(i.lineProtocol()).isEqualTo(protocol);
  }

  @Test
  void tunnelWithoutDestination() {
    String output =
        "Tunnel4 is up, line protocol is down\n  Tunnel source 192.168.1.100\n"
            + "  Tunnel protocol/transport IPSEC/IP\n";

    TunnelSettings t = InterfacesParser.parse(output).value().get(0).tunnel().orElseThrow();

    assertThat(t.sourceAddress()).contains("192.168.1.100");
    assertThat(t.sourceInterface()).isEmpty();
    assertThat(t.destination()).isEmpty();
    assertThat(t.transport()).contains("IPSEC/IP");
  }

  @Test
  void rejectsEmptyAndForeignOutput() {
    assertThatThrownBy(() -> InterfacesParser.parse("\r\n")).isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> InterfacesParser.parse("IPv4 Crypto ISAKMP SA\n"))
        .isInstanceOf(ParseException.class);
  }
}
