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

  /** The layout of genieparser's iosxe ShowCryptoSession golden_output3, a real IOS-XE router. */
  @Test
  void joinsAnIkev2SaWhoseRemoteIpv6PartIsWrapped() {
    String output =
        "Crypto session current status\n\nInterface: Tunnel1\nProfile: CLIV6-IKEV2-PROFILE\n"
            + "Session status: UP-ACTIVE     \nPeer: 2001:DB8:ACAD:1::2 port 500 \n"
            + "      System IP: 13.13.13.11  Interface: Tu1 \n  Session ID: 15  \n"
            + "  IKEv2 SA: local 2001:DB8:ACAD:1::1/500\n"
            + "          remote 2001:DB8:ACAD:1::2/500 Active \n"
            + "  IPSEC FLOW: permit ipv6 ::/0 ::/0 \n        Active SAs: 2, origin: crypto map\n";

    Parsed<List<CryptoSession>> parsed = CryptoSessionParser.parse(output);

    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.value().get(0).ikeSas())
        .containsExactly(
            new SessionIkeSa(
                IkeVersion.IKEV2,
                "2001:DB8:ACAD:1::1",
                500,
                "2001:DB8:ACAD:1::2",
                500,
                "Active",
                Optional.empty(),
                OptionalLong.empty(),
                OptionalLong.empty()));
  }

  static Stream<Arguments> wrappedForms() {
    return Stream.of(
        // remote part on the next line: IPv6, IKEv1 and IKEv2, and the classic unversioned form
        Arguments.of(
            "IKEv1 SA: local 2001:DB8:1:1:1:1:1:1/500",
            "remote 2001:DB8:2:2:2:2:2:2/500 Active",
            IkeVersion.IKEV1,
            "2001:DB8:1:1:1:1:1:1",
            "2001:DB8:2:2:2:2:2:2"),
        Arguments.of(
            "IKEv2 SA: local 2001:DB8:1:1:1:1:1:1/4500",
            "remote 2001:DB8:2:2:2:2:2:2/4500 Active",
            IkeVersion.IKEV2,
            "2001:DB8:1:1:1:1:1:1",
            "2001:DB8:2:2:2:2:2:2"),
        Arguments.of(
            "IKE SA: local 2001:DB8::1/500",
            "remote 2001:DB8::2/500 Inactive",
            IkeVersion.IKEV1,
            "2001:DB8::1",
            "2001:DB8::2"),
        // long IPv4 endpoints with NAT-T ports
        Arguments.of(
            "IKEv1 SA: local 100.100.100.100/4500",
            "remote 200.200.200.200/38452 Active",
            IkeVersion.IKEV1,
            "100.100.100.100",
            "200.200.200.200"),
        // only the state on the next line
        Arguments.of(
            "IKEv2 SA: local 100.100.100.100/4500 remote 200.200.200.200/38452",
            "Active",
            IkeVersion.IKEV2,
            "100.100.100.100",
            "200.200.200.200"),
        Arguments.of(
            "IKEv1 SA: local 2001:DB8:1:1:1:1:1:1/500 remote 2001:DB8:2:2:2:2:2:2/500",
            "Inactive",
            IkeVersion.IKEV1,
            "2001:DB8:1:1:1:1:1:1",
            "2001:DB8:2:2:2:2:2:2"));
  }

  @ParameterizedTest
  @MethodSource("wrappedForms")
  void joinsWrappedIkeSaLinesInThePlainAndTheDetailForm(
      String head, String rest, IkeVersion version, String local, String remote) {
    String status = rest.substring(rest.lastIndexOf(' ') + 1);
    String plain =
        "Crypto session current status\n\nInterface: Tunnel10\nSession status: UP-ACTIVE\n"
            + "Peer: "
            + remote
            + " port 500\n  "
            + head
            + "\n          "
            + rest
            + "\n  IPSEC FLOW: permit 47 host 100.0.0.1 host 200.0.0.1\n"
            + "        Active SAs: 2, origin: crypto map\n";
    String detail =
        plain.replace(
            rest + "\n", rest + "\n          Capabilities:DN connid:1042 lifetime:05:50:03\n");

    Parsed<List<CryptoSession>> fromPlain = CryptoSessionParser.parse(plain);
    Parsed<List<CryptoSession>> fromDetail = CryptoSessionParser.parse(detail);

    assertThat(fromPlain.warnings()).isEmpty();
    assertThat(fromDetail.warnings()).isEmpty();
    SessionIkeSa sa = fromPlain.value().get(0).ikeSas().get(0);
    assertThat(sa.version()).isEqualTo(version);
    assertThat(sa.localAddress()).isEqualTo(local);
    assertThat(sa.remoteAddress()).isEqualTo(remote);
    assertThat(sa.status()).isEqualTo(status);
    assertThat(fromPlain.value().get(0).ipsecFlows()).hasSize(1);
    SessionIkeSa detailed = fromDetail.value().get(0).ikeSas().get(0);
    assertThat(detailed.remoteAddress()).isEqualTo(remote);
    assertThat(detailed.capabilities()).contains("DN");
    assertThat(detailed.connId()).hasValue(1042);
    assertThat(detailed.lifetimeRemainingSeconds()).hasValue(5 * 3600 + 50 * 60 + 3);
  }

  @Test
  void joinsAnSaWrappedOverThreeLines() {
    String output =
        "Interface: Tunnel10\nPeer: 2001:DB8:2:2:2:2:2:2 port 500\n"
            + "  IKEv2 SA: local 2001:DB8:1:1:1:1:1:1/500\n"
            + "          remote 2001:DB8:2:2:2:2:2:2/500\n          Active\n";

    Parsed<List<CryptoSession>> parsed = CryptoSessionParser.parse(output);

    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.value().get(0).ikeSas())
        .singleElement()
        .satisfies(sa -> assertThat(sa.active()).isTrue());
  }

  static Stream<Arguments> notContinuations() {
    return Stream.of(
        // the next line is another field: both keep their meaning, the head is warned about
        // (an empty expectation: the next line is fine as it stands)
        Arguments.of(
            "IKEv2 SA: local 2001:DB8::1/500",
            "Capabilities:D connid:1 lifetime:01:00:00",
            "Capabilities line without an IKE SA line"),
        Arguments.of("IKEv2 SA: local 2001:DB8::1/500", "IPSEC FLOW: permit ipv6 ::/0 ::/0", ""),
        // text that only looks like a remainder
        Arguments.of(
            "IKEv2 SA: local 2001:DB8::1/500",
            "remote 2001:DB8::2/500 Active since yesterday",
            "unrecognised line"),
        Arguments.of("IKEv2 SA: local 2001:DB8::1/500", "remote peer-b/500 Active", "unrecognised"),
        Arguments.of(
            "IKEv1 SA: local 100.0.0.1/500 remote 200.0.0.1/500",
            "Active SAs: 2, origin: crypto map",
            "Active SAs outside an IPSEC FLOW"),
        Arguments.of("IKEv1 SA: local 100.0.0.1/500 remote 200.0.0.1/500", "42", "unrecognised"));
  }

  @ParameterizedTest
  @MethodSource("notContinuations")
  void neverTakesAnotherLineForTheRestOfAWrappedSa(String head, String next, String nextWarning) {
    String output =
        "Crypto session current status\nInterface: Tunnel10\nPeer: 200.0.0.1 port 500\n  "
            + head
            + "\n          "
            + next
            + "\n";

    Parsed<List<CryptoSession>> parsed = CryptoSessionParser.parse(output);

    assertThat(parsed.value().get(0).ikeSas()).isEmpty();
    assertThat(parsed.warnings().get(0).lineNumber()).isEqualTo(4);
    assertThat(parsed.warnings().get(0).reason()).contains("wrapped");
    if (nextWarning.isEmpty()) {
      assertThat(parsed.warnings()).hasSize(1);
      assertThat(parsed.value().get(0).ipsecFlows()).hasSize(1);
    } else {
      assertThat(parsed.warnings()).hasSize(2);
      assertThat(parsed.warnings().get(1).lineNumber()).isEqualTo(5);
      assertThat(parsed.warnings().get(1).reason()).contains(nextWarning);
    }
  }

  @Test
  void aHeadCutOffByTheNextSessionOrTheEndIsWarnedAbout() {
    String output =
        "Interface: Tunnel10\nPeer: 200.0.0.1 port 500\n  IKEv1 SA: local 2001:DB8::1/500\n"
            + "Interface: Tunnel20\nPeer: 203.0.113.9 port 500\n"
            + "  IKEv1 SA: local 2001:DB8::1/500 remote 2001:DB8::9/500\n";

    Parsed<List<CryptoSession>> parsed = CryptoSessionParser.parse(output);

    assertThat(parsed.value())
        .extracting(CryptoSession::interfaceName)
        .containsExactly("Tunnel10", "Tunnel20");
    assertThat(parsed.value()).allSatisfy(s -> assertThat(s.ikeSas()).isEmpty());
    assertThat(parsed.warnings()).extracting(ParseWarning::lineNumber).containsExactly(3, 6);
  }

  @Test
  void anSaLineWithoutAddressesIsNoHead() {
    String output =
        "Interface: Tunnel10\nPeer: 200.0.0.1 port 500\n  IKEv1 SA: local peer-a/500\n"
            + "          remote 200.0.0.1/500 Active\n";

    Parsed<List<CryptoSession>> parsed = CryptoSessionParser.parse(output);

    assertThat(parsed.value().get(0).ikeSas()).isEmpty();
    assertThat(parsed.warnings())
        .extracting(ParseWarning::reason)
        .containsExactly("unrecognised line, skipped", "unrecognised line, skipped");
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
