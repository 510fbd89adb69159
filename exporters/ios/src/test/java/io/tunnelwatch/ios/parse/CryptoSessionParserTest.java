package io.tunnelwatch.ios.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.core.model.IkeVersion;
import io.tunnelwatch.ios.model.CryptoSession;
import io.tunnelwatch.ios.model.SessionFlowDirection;
import io.tunnelwatch.ios.model.SessionIkeSa;
import io.tunnelwatch.ios.model.SessionIpsecFlow;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CryptoSessionParserTest {

  @Test
  void parsesR1Detail() {
    Parsed<List<CryptoSession>> parsed =
        CryptoSessionParser.parse(Samples.read("r1-crypto-session-detail.txt"));

    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.value()).hasSize(2);
    CryptoSession up = parsed.value().get(0);
    assertThat(up)
        .isEqualTo(
            new CryptoSession(
                "Tunnel10",
                Optional.empty(),
                Optional.of("01:02:03"),
                Optional.of("UP-ACTIVE"),
                "200.0.0.1",
                OptionalInt.of(500),
                Optional.of("(none)"),
                Optional.of("(none)"),
                Optional.of("200.0.0.1"),
                Optional.of("(none)"),
                OptionalLong.of(0),
                List.of(
                    new SessionIkeSa(
                        IkeVersion.IKEV1,
                        "100.0.0.1",
                        500,
                        "200.0.0.1",
                        500,
                        "Active",
                        Optional.of("(none)"),
                        OptionalLong.of(1001),
                        OptionalLong.of(23 * 3600 + 2 * 60 + 57))),
                List.of(
                    new SessionIpsecFlow(
                        "permit 47 host 100.0.0.1 host 200.0.0.1",
                        OptionalInt.of(2),
                        Optional.of("crypto map"),
                        Optional.of(
                            new SessionFlowDirection(
                                4_212_345_678L,
                                0,
                                OptionalLong.of(4_607_999),
                                OptionalLong.of(2757))),
                        Optional.of(
                            new SessionFlowDirection(
                                4_212_345_999L,
                                3,
                                OptionalLong.of(4_607_998),
                                OptionalLong.of(2757)))))));
    CryptoSession down = parsed.value().get(1);
    assertThat(down.status()).contains("DOWN-NEGOTIATING");
    assertThat(down.interfaceName()).isEqualTo("Tunnel20");
    assertThat(down.ikeSas()).singleElement().satisfies(sa -> assertThat(sa.active()).isFalse());
    assertThat(down.ikeSas().get(0).connId()).isEmpty();
  }

  static Stream<Arguments> statusForms() {
    return Stream.of(
        Arguments.of("UP-ACTIVE", "IKEv1", IkeVersion.IKEV1),
        Arguments.of("UP-IDLE", "IKEv2", IkeVersion.IKEV2),
        Arguments.of("UP-NO-IKE", "IKE", IkeVersion.IKEV1),
        Arguments.of("DOWN-NEGOTIATING", "IKEv1", IkeVersion.IKEV1),
        Arguments.of("DOWN", "IKEv2", IkeVersion.IKEV2));
  }

  @ParameterizedTest
  @MethodSource("statusForms")
  void parsesEveryStatusAndIkeVersion(String status, String ike, IkeVersion version) {
    String output =
        "Crypto session current status\n\nInterface: Tunnel10\nSession status: "
            + status
            + "\nPeer: 200.0.0.1 port 500\n  "
            + ike
            + " SA: local 100.0.0.1/500 remote 200.0.0.1/500 Active\n"
            + "  IPSEC FLOW: permit 47 host 100.0.0.1 host 200.0.0.1\n"
            + "        Active SAs: 2, origin: crypto map";

    Parsed<List<CryptoSession>> parsed = CryptoSessionParser.parse(output);

    assertThat(parsed.warnings()).isEmpty();
    CryptoSession session = parsed.value().get(0);
    assertThat(session.status()).contains(status);
    assertThat(session.ikeSas().get(0).version()).isEqualTo(version);
    assertThat(session.ipsecFlows().get(0).inbound()).isEmpty();
  }

  @Test
  void keepsSeveralFlowsAndSessions() {
    String output =
        "Crypto session current status\r\n\r\nInterface: GigabitEthernet3\r\nSession status: UP-ACTIVE\r\n"
            + "Peer: 1.1.1.1 port 500\r\n  IKEv2 SA: local 1.1.1.2/500 remote 1.1.1.1/500 Active\r\n"
            + "  IPSEC FLOW: permit ip 20.20.20.0/255.255.255.0 10.10.10.0/255.255.255.0\r\n"
            + "\tActive SAs: 2, origin: crypto map\r\n"
            + "  IPSEC FLOW: permit ip 40.40.40.0/255.255.255.0 30.30.30.0/255.255.255.0\r\n"
            + "\tActive SAs: 0, origin: crypto map\r\n"
            + "Interface: Tunnel5\r\nSession status: UP-IDLE\r\nPeer: 9.9.9.9 port 4500\r\n";

    List<CryptoSession> sessions = CryptoSessionParser.parse(output).value();

    assertThat(sessions).extracting(CryptoSession::peer).containsExactly("1.1.1.1", "9.9.9.9");
    assertThat(sessions.get(0).ipsecFlows())
        .extracting(f -> f.activeSas().getAsInt())
        .containsExactly(2, 0);
    assertThat(sessions.get(1).peerPort()).hasValue(4500);
  }

  @Test
  void headerOnlyIsNoSessions() {
    assertThat(
            CryptoSessionParser.parse(
                    "R1#show crypto session\nCrypto session current status\n\nR1#")
                .value())
        .isEmpty();
  }

  @Test
  void warnsAboutUnknownLinesInsteadOfGuessing() {
    String output =
        "Crypto session current status\nInterface: Tunnel10\nSession status: UP-ACTIVE\n"
            + "Peer: 200.0.0.1 port 500\n  Frobnication: 12\n"
            + "  Inbound:  #pkts dec'ed 5 drop 0 life (KB/Sec) 1/2\n";

    Parsed<List<CryptoSession>> parsed = CryptoSessionParser.parse(output);

    assertThat(parsed.warnings()).extracting(ParseWarning::lineNumber).containsExactly(5, 6);
    assertThat(parsed.value().get(0).ipsecFlows()).isEmpty();
  }

  @Test
  void rejectsOtherText() {
    assertThatThrownBy(() -> CryptoSessionParser.parse(""))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("show crypto session");
    assertThatThrownBy(() -> CryptoSessionParser.parse("Tunnel10 is up, line protocol is up\n"))
        .isInstanceOf(ParseException.class);
  }
}
