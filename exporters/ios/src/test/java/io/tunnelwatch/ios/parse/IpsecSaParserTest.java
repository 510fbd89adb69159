package io.tunnelwatch.ios.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.ios.model.IpsecSa;
import io.tunnelwatch.ios.model.IpsecSaFlow;
import io.tunnelwatch.ios.model.IpsecSaInterface;
import io.tunnelwatch.ios.model.ProxyIdent;
import io.tunnelwatch.ios.model.SaDirection;
import io.tunnelwatch.ios.model.SaProtocol;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpsecSaParserTest {

  @Test
  void parsesR1() {
    Parsed<List<IpsecSaInterface>> parsed = IpsecSaParser.parse(Samples.read("r1-ipsec-sa.txt"));

    assertThat(parsed.warnings()).isEmpty();
    IpsecSaInterface iface = parsed.value().get(0);
    assertThat(iface.name()).isEqualTo("FastEthernet0/0");
    assertThat(iface.cryptoMapTag()).contains("CMAP");
    assertThat(iface.localAddress()).contains("100.0.0.1");
    IpsecSaFlow flow = iface.flows().get(0);
    assertThat(flow.localIdent())
        .contains(new ProxyIdent("100.0.0.1", "255.255.255.255", 32, 47, 0));
    assertThat(flow.remoteIdent())
        .contains(new ProxyIdent("200.0.0.1", "255.255.255.255", 32, 47, 0));
    assertThat(flow.peer()).contains("200.0.0.1");
    assertThat(flow.peerPort()).hasValue(500);
    assertThat(flow.pktsEncaps()).hasValue(4_212_345_999L);
    assertThat(flow.pktsEncrypt()).hasValue(4_212_345_999L);
    assertThat(flow.pktsDigest()).hasValue(4_212_345_999L);
    assertThat(flow.pktsDecaps()).hasValue(4_212_345_678L);
    assertThat(flow.pktsDecrypt()).hasValue(4_212_345_678L);
    assertThat(flow.pktsVerify()).hasValue(4_212_345_678L);
    assertThat(flow.sendErrors()).hasValue(2);
    assertThat(flow.recvErrors()).hasValue(1);
    assertThat(flow.localEndpoint()).contains("100.0.0.1");
    assertThat(flow.remoteEndpoint()).contains("200.0.0.1");
    assertThat(flow.plaintextMtu()).hasValue(1422);
    assertThat(flow.pathMtu()).hasValue(1500);
    assertThat(flow.mtuInterface()).contains("FastEthernet0/0");
    assertThat(flow.currentOutboundSpi()).contains("0xC1A2B3D4");
    assertThat(flow.pfs()).contains("N");
    assertThat(flow.sas())
        .containsExactly(
            new IpsecSa(
                SaDirection.INBOUND,
                SaProtocol.ESP,
                "0x1F2E3D4C",
                Optional.of("esp-aes esp-sha-hmac"),
                Optional.of("Tunnel"),
                OptionalLong.of(2001),
                Optional.of("SW:1"),
                Optional.of("CMAP"),
                OptionalLong.of(4_607_999),
                OptionalLong.of(2757),
                Optional.of("ACTIVE")),
            new IpsecSa(
                SaDirection.OUTBOUND,
                SaProtocol.ESP,
                "0xC1A2B3D4",
                Optional.of("esp-aes esp-sha-hmac"),
                Optional.of("Tunnel"),
                OptionalLong.of(2002),
                Optional.of("SW:2"),
                Optional.of("CMAP"),
                OptionalLong.of(4_607_998),
                OptionalLong.of(2757),
                Optional.of("ACTIVE")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "k/sec pair|sa timing: remaining key lifetime (k/sec): (4607999/83191)|4607999|83191",
        "seconds only|sa timing: remaining key lifetime (sec): 632|-1|632",
        "seconds in parentheses|sa timing: remaining key lifetime (sec): (3597)|-1|3597",
        "hours and minutes|sa timing: remaining key lifetime 4 hours, 2 mins|-1|14520",
        "minutes only|sa timing: remaining key lifetime 10 mins|-1|600",
        "volume rekey disabled|sa timing: remaining key lifetime (k/sec): (KB Vol Rekey Disabled/3060)|-1|3060",
      })
  void readsEveryLifetimeForm(String name, String timing, long kb, long seconds) {
    String output =
        "interface: Tunnel10\n    Crypto map tag: Tunnel10-head-0, local addr 100.0.0.1\n"
            + "   protected vrf: (none)\n"
            + "   local  ident (addr/mask/prot/port): (0.0.0.0/0.0.0.0/0/0)\n"
            + "   remote ident (addr/mask/prot/port): (0.0.0.0/0.0.0.0/0/0)\n"
            + "   current_peer 200.0.0.1 port 500\n     inbound esp sas:\n      spi: 0xA(10)\n        "
            + timing
            + "\n        Status: ACTIVE(ACTIVE)\n";

    Parsed<List<IpsecSaInterface>> parsed = IpsecSaParser.parse(output);

    assertThat(parsed.warnings()).as(name).isEmpty();
    IpsecSa sa = parsed.value().get(0).flows().get(0).sas().get(0);
    assertThat(sa.remainingKilobytes())
        .isEqualTo(kb < 0 ? OptionalLong.empty() : OptionalLong.of(kb));
    assertThat(sa.remainingSeconds()).hasValue(seconds);
    assertThat(sa.active()).isTrue();
  }

  @Test
  void ipv6IdentsAndWrappedEndpoints() {
    String output =
        "interface: Gi1\n   local  ident (addr/mask/prot/port): (FE80::/10/89/0)\n"
            + "   remote ident (addr/mask/prot/port): (::/0/89/0)\n   current_peer FF02::5 port 500\n"
            + "     local crypto endpt.: FE80::1,\n     remote crypto endpt.: FF02::5\n"
            + "     plaintext mtu 1470, path mtu 1500, ipv6 mtu 1500, ipv6 mtu idb Gi1\n";

    IpsecSaFlow flow = IpsecSaParser.parse(output).value().get(0).flows().get(0);

    assertThat(flow.localIdent()).contains(new ProxyIdent("FE80::", "10", 10, 89, 0));
    assertThat(flow.remoteIdent().get().toSelector().label()).isEqualTo("::/0:89");
    assertThat(flow.localEndpoint()).contains("FE80::1");
    assertThat(flow.remoteEndpoint()).contains("FF02::5");
    assertThat(flow.ipMtu()).hasValue(1500);
  }

  @Test
  void truncatedCounterLineIsWarnedNotZeroed() {
    String output =
        "interface: Tunnel10\n   local  ident (addr/mask/prot/port): (0.0.0.0/0.0.0.0/0/0)\n"
            + "    #pkts encaps: 144, #pkts encr";

    Parsed<List<IpsecSaInterface>> parsed = IpsecSaParser.parse(output);

    assertThat(parsed.value().get(0).flows().get(0).pktsEncaps()).isEmpty();
    assertThat(parsed.warnings()).singleElement().extracting(ParseWarning::lineNumber).isEqualTo(3);
  }

  @Test
  void emptyOutputMeansNoSas() {
    assertThat(IpsecSaParser.parse("R1#show crypto ipsec sa\nR1#").value()).isEmpty();
  }

  @Test
  void rejectsForeignText() {
    assertThatThrownBy(() -> IpsecSaParser.parse("hello world\nthis is not IOS"))
        .isInstanceOf(ParseException.class);
  }

  @ParameterizedTest
  @CsvSource({"255.255.255.255,32", "255.255.255.0,24", "0.0.0.0,0", "255.0.255.0,-1", "64,64"})
  void prefixLengths(String mask, int prefix) {
    assertThat(IpsecSaParser.prefixLength(mask)).isEqualTo(prefix);
  }
}
