package io.tunnelwatch.ios.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.ios.parse.ParseException;
import io.tunnelwatch.ios.parse.Parsed;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessListParserTest {

  @Test
  void readsLabVpnTrafficList() {
    Parsed<List<AccessList>> parsed = AccessListParser.parse(LabTexts.R1_ACL);

    assertThat(parsed.warnings()).isEmpty();
    AccessList acl = parsed.value().get(0);
    assertThat(acl.name()).isEqualTo("VPN-TRAFFIC");
    assertThat(acl.extended()).isTrue();
    AclEntry entry = acl.entries().get(0);
    assertThat(entry.sequence()).isEqualTo(10);
    assertThat(entry.action()).isEqualTo("permit");
    assertThat(entry.protocol()).isEqualTo("gre");
    assertThat(entry.source()).isEqualTo("100.0.0.1/0.0.0.0");
    assertThat(entry.destination()).isEqualTo("200.0.0.1/0.0.0.0");
    assertThat(entry.ports()).isEmpty();
    assertThat(entry.line()).isEqualTo("10 permit gre host 100.0.0.1 host 200.0.0.1");
  }

  @Test
  void readsAclMismatchFault() {
    AclEntry entry =
        AccessListParser.parse(
                "Extended IP access list VPN-TRAFFIC\n"
                    + "    10 permit ip 192.168.1.0 0.0.0.255 172.1.1.0 0.0.0.255\n")
            .value()
            .get(0)
            .entries()
            .get(0);

    assertThat(entry.protocol()).isEqualTo("ip");
    assertThat(entry.source()).isEqualTo("192.168.1.0/0.0.0.255");
    assertThat(entry.destination()).isEqualTo("172.1.1.0/0.0.0.255");
  }

  @Test
  void mirrorImagesAreRecognised() {
    AccessList r1 = AccessListParser.parse(LabTexts.R1_ACL).value().get(0);
    AccessList r2 =
        AccessListParser.parse(
                "Extended IP access list VPN-TRAFFIC\n"
                    + "    10 permit gre host 200.0.0.1 host 100.0.0.1\n")
            .value()
            .get(0);
    AccessList fault =
        AccessListParser.parse(
                "Extended IP access list VPN-TRAFFIC\n"
                    + "    10 permit ip 192.168.1.0 0.0.0.255 172.1.1.0 0.0.0.255\n")
            .value()
            .get(0);

    assertThat(r1.mirrors(r2)).isTrue();
    assertThat(r2.mirrors(r1)).isTrue();
    assertThat(r1.mirrors(r1)).isFalse();
    assertThat(fault.mirrors(r2)).isFalse();
  }

  @Test
  void portsAreToldApartAndSwappedForMirrors() {
    List<AccessList> lists =
        AccessListParser.parse(
                "Extended IP access list 101\n"
                    + "    10 permit udp host 1.1.1.1 eq 500 host 2.2.2.2 eq isakmp log (3 matches)\n"
                    + "    20 permit tcp any 10.0.0.0 0.255.255.255 range 1000 2000 established\n"
                    + "    30 deny ip any any\n"
                    + "Extended IP access list 102\n"
                    + "    10 permit udp host 2.2.2.2 eq isakmp host 1.1.1.1 eq 500\n")
            .value();

    AclEntry udp = lists.get(0).entries().get(0);
    assertThat(udp.sourcePort()).contains("eq 500");
    assertThat(udp.destinationPort()).contains("eq isakmp");
    assertThat(udp.ports()).containsExactly("eq 500", "eq isakmp", "log");
    assertThat(udp.line()).doesNotContain("matches");
    AclEntry tcp = lists.get(0).entries().get(1);
    assertThat(tcp.source()).isEqualTo(AclEntry.ANY);
    assertThat(tcp.destination()).isEqualTo("10.0.0.0/0.255.255.255");
    assertThat(tcp.destinationPort()).contains("range 1000 2000");
    assertThat(tcp.ports()).containsExactly("range 1000 2000", "established");
    assertThat(lists.get(0).entries().get(2).source()).isEqualTo(AclEntry.ANY);
    assertThat(udp.mirrors(lists.get(1).entries().get(0))).isTrue();
    assertThat(udp.mirrors(lists.get(0).entries().get(0))).isFalse();
  }

  @Test
  void readsStandardListsNamedAndNumbered() {
    Parsed<List<AccessList>> parsed =
        AccessListParser.parse(
            "Standard IP access list 1\n"
                + "    10 permit 192.168.1.0, wildcard bits 0.0.0.255 (5 matches)\n"
                + "    20 permit 10.1.1.1\n"
                + "    30 deny   any log\n"
                + "Standard IP access list MGMT\n"
                + "    permit 172.16.0.0, wildcard bits 0.0.255.255\n");

    assertThat(parsed.warnings()).isEmpty();
    AccessList one = parsed.value().get(0);
    assertThat(one.extended()).isFalse();
    assertThat(one.entries())
        .extracting(AclEntry::source)
        .containsExactly("192.168.1.0/0.0.0.255", "10.1.1.1/0.0.0.0", AclEntry.ANY);
    assertThat(one.entries()).allMatch(e -> e.destination().equals(AclEntry.ANY));
    assertThat(one.entries().get(2).action()).isEqualTo("deny");
    assertThat(one.entries().get(2).ports()).containsExactly("log");
    AccessList mgmt = parsed.value().get(1);
    assertThat(mgmt.name()).isEqualTo("MGMT");
    assertThat(mgmt.entries().get(0).sequence()).isZero();
  }

  @Test
  void skipsOtherListKindsAndOddLinesWithWarnings() {
    Parsed<List<AccessList>> parsed =
        AccessListParser.parse(
            "Extended IP access list A\n"
                + "    10 permit gre host 100.0.0.1 host 200.0.0.1\n"
                + "    20 wibble\n"
                + "IPv6 access list V6\n"
                + "    permit ipv6 any any sequence 10\n"
                + "Extended IP access list B\n"
                + "    10 permit ip any any\n");

    assertThat(parsed.value()).extracting(AccessList::name).containsExactly("A", "B");
    assertThat(parsed.value().get(0).entries()).hasSize(1);
    assertThat(parsed.warnings()).hasSize(2);
    assertThat(parsed.warnings().get(1).line()).isEqualTo("IPv6 access list V6");
  }

  @Test
  void emptyOutputMeansNoLists() {
    assertThat(AccessListParser.parse("\n").value()).isEmpty();
  }

  @Test
  void garbageIsRejected() {
    assertThatThrownBy(() -> AccessListParser.parse("hello world\nthis is not it\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("no access list header");
  }

  @Test
  void deniedOutputIsRejected() {
    assertThatThrownBy(() -> AccessListParser.parse("% Authorization failed.\n"))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("refused");
  }
}
