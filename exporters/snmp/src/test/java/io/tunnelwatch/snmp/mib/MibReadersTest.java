package io.tunnelwatch.snmp.mib;

import static io.tunnelwatch.snmp.Vb.addr;
import static io.tunnelwatch.snmp.Vb.c32;
import static io.tunnelwatch.snmp.Vb.gauge;
import static io.tunnelwatch.snmp.Vb.integer;
import static io.tunnelwatch.snmp.Vb.text;
import static io.tunnelwatch.snmp.Vb.ticks;
import static io.tunnelwatch.snmp.Vb.vb;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.core.model.IkeSa;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.TunnelInterface;
import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.ReferenceRouter;
import io.tunnelwatch.snmp.SnmpValue;
import io.tunnelwatch.snmp.VarBind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MibReadersTest {

  private static final Oid IKE = MibOids.CIKE_TUNNEL_ENTRY;
  private static final Oid TUN = MibOids.CIPSEC_TUNNEL_ENTRY;
  private static final Oid END = MibOids.CIPSEC_END_PT_ENTRY;

  private static List<VarBind> without(List<VarBind> list, Oid entry, int column) {
    Oid col = entry.append(column);
    return list.stream().filter(vb -> !vb.oid().startsWith(col)).toList();
  }

  private static List<VarBind> replaced(List<VarBind> list, Oid entry, int column, SnmpValue v) {
    Oid col = entry.append(column);
    return list.stream()
        .map(vb -> vb.oid().startsWith(col) ? new VarBind(vb.oid(), v) : vb)
        .toList();
  }

  private static List<VarBind> endpoints(
      String index, int type, String a1, String a2, int proto, String rAddr, int rType) {
    return List.of(
        vb(END, 3, index, integer(type)),
        vb(END, 4, index, addr(a1)),
        vb(END, 5, index, addr(a2)),
        vb(END, 6, index, integer(proto)),
        vb(END, 7, index, integer(0)),
        vb(END, 9, index, integer(rType)),
        vb(END, 10, index, addr(rAddr)),
        vb(END, 11, index, addr(rAddr)),
        vb(END, 12, index, integer(proto)),
        vb(END, 13, index, integer(0)));
  }

  @Test
  void ipv6PeersAndSubnetSelectorsAreWrittenAsText() {
    List<VarBind> tunnels =
        replaced(
            replaced(ReferenceRouter.ipsecTunnels(), TUN, 5, addr("2001:db8:0:0:0:0:0:2")),
            TUN,
            4,
            addr("2001:db8::1"));
    List<VarBind> ends =
        endpoints("5.1", 3, "2001:db8:a::", "ffff:ffff:ffff:ffff::", 0, "2001:db8:b::1", 1);

    MibRead<List<IpsecFlow>> read =
        IpsecTunnelReader.read(tunnels, ends, ReferenceRouter.ipsecSpis());

    assertThat(read.warnings()).isEmpty();
    assertThat(read.value())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.peer()).isEqualTo("2001:db8::2");
              assertThat(f.flow()).isEqualTo("2001:db8:a::/64:0->2001:db8:b::1/128:0");
            });
  }

  @Test
  void anAddressRangeThatIsOnePrefixBecomesThatPrefix() {
    List<VarBind> ends = endpoints("5.1", 2, "192.168.1.0", "192.168.1.255", 0, "172.1.1.1", 1);

    MibRead<Map<Long, EndpointReader.Selectors>> read = EndpointReader.read(ends);

    assertThat(read.value().get(5L).flowLabel()).isEqualTo("192.168.1.0/24:0->172.1.1.1/32:0");
  }

  @Test
  void anAddressRangeThatIsNotAPrefixIsSkippedWithAWarning() {
    List<VarBind> ends = endpoints("5.1", 2, "192.168.1.3", "192.168.1.9", 0, "172.1.1.1", 1);

    MibRead<Map<Long, EndpointReader.Selectors>> read = EndpointReader.read(ends);

    assertThat(read.value()).isEmpty();
    assertThat(read.warnings()).anySatisfy(w -> assertThat(w.message()).contains("not one prefix"));
  }

  @Test
  void withoutHcOctetsThe32BitCounterAndItsWrapsAreUsed() {
    List<VarBind> tunnels = without(ReferenceRouter.ipsecTunnels(), TUN, 27);
    tunnels = new ArrayList<>(tunnels);
    tunnels.add(vb(TUN, 26, "5", c32(10)));
    tunnels.add(vb(TUN, 28, "5", c32(3)));

    IpsecFlow flow =
        IpsecTunnelReader.read(
                tunnels, ReferenceRouter.ipsecEndpoints(), ReferenceRouter.ipsecSpis())
            .value()
            .get(0);

    assertThat(flow.counters().receiveBytes()).hasValue(3L * (1L << 32) + 10);
  }

  @Test
  void aMissingCounterIsEmptyWithAWarningNeverZero() {
    List<VarBind> tunnels = without(without(ReferenceRouter.ipsecTunnels(), TUN, 27), TUN, 37);

    MibRead<List<IpsecFlow>> read =
        IpsecTunnelReader.read(
            tunnels, ReferenceRouter.ipsecEndpoints(), ReferenceRouter.ipsecSpis());

    IpsecFlow flow = read.value().get(0);
    assertThat(flow.counters().receiveBytes()).isEmpty();
    assertThat(flow.counters().decrypted()).isEmpty();
    assertThat(flow.counters().encrypted()).hasValue(1_995);
    assertThat(read.warnings())
        .extracting(MibWarning::message)
        .anySatisfy(m -> assertThat(m).contains("cipSecTunHcInOctets"))
        .anySatisfy(m -> assertThat(m).contains("cipSecTunInDecrypts (.37) missing"));
    assertThat(read.warnings()).allSatisfy(w -> assertThat(w.index()).isEqualTo("5"));
  }

  @Test
  void aValueOfTheWrongTypeIsAWarningNamingWhatWasExpected() {
    List<VarBind> tunnels = replaced(ReferenceRouter.ipsecTunnels(), TUN, 32, text("lots"));

    MibRead<List<IpsecFlow>> read =
        IpsecTunnelReader.read(
            tunnels, ReferenceRouter.ipsecEndpoints(), ReferenceRouter.ipsecSpis());

    assertThat(read.value().get(0).counters().decapsulated()).isEmpty();
    assertThat(read.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.table()).isEqualTo("cipSecTunnelTable");
              assertThat(w.message())
                  .isEqualTo(
                      "cipSecTunInPkts (.32) is OctetString, expected a non-negative number");
            });
  }

  @Test
  void aTunnelWithoutEndpointOrPeerIsSkippedWithAWarning() {
    List<VarBind> noPeer = without(ReferenceRouter.ipsecTunnels(), TUN, 5);

    MibRead<List<IpsecFlow>> withoutPeer =
        IpsecTunnelReader.read(noPeer, ReferenceRouter.ipsecEndpoints(), List.of());
    MibRead<List<IpsecFlow>> withoutEndpoint =
        IpsecTunnelReader.read(ReferenceRouter.ipsecTunnels(), List.of(), List.of());

    assertThat(withoutPeer.value()).isEmpty();
    assertThat(withoutPeer.warnings())
        .anySatisfy(w -> assertThat(w.message()).contains("no usable peer"));
    assertThat(withoutEndpoint.value()).isEmpty();
    assertThat(withoutEndpoint.warnings())
        .singleElement()
        .satisfies(w -> assertThat(w.message()).contains("no cipSecEndPtTable row"));
  }

  @Test
  void anAddressOfTheWrongLengthIsNamed() {
    List<VarBind> tunnels =
        replaced(
            ReferenceRouter.ipsecTunnels(),
            TUN,
            5,
            new SnmpValue.OctetString(new byte[] {1, 2, 3}));

    MibRead<List<IpsecFlow>> read =
        IpsecTunnelReader.read(tunnels, ReferenceRouter.ipsecEndpoints(), List.of());

    assertThat(read.value()).isEmpty();
    assertThat(read.warnings())
        .extracting(MibWarning::message)
        .contains(
            "cipSecTunRemoteAddr (.5) is 3 bytes long, expected an IPv4 (4) or IPv6 (16) address");
  }

  @Test
  void duringARekeyTheNewestActiveRowOfAFlowWins() {
    List<VarBind> tunnels = new ArrayList<>(ReferenceRouter.ipsecTunnels());
    // Row 6: the same flow, renegotiated 20 s ago; row 5 is the old SA.
    for (VarBind vb : ReferenceRouter.ipsecTunnels()) {
      Oid suffix = vb.oid().suffixAfter(TUN);
      int column = (int) suffix.arc(0);
      SnmpValue value = column == 10 ? ticks(2_000) : column == 32 ? c32(3) : vb.value();
      tunnels.add(vb(TUN, column, "6", value));
    }
    List<VarBind> ends = new ArrayList<>(ReferenceRouter.ipsecEndpoints());
    for (VarBind vb : ReferenceRouter.ipsecEndpoints()) {
      Oid suffix = vb.oid().suffixAfter(END);
      ends.add(vb(END, (int) suffix.arc(0), "6.1", vb.value()));
    }
    List<VarBind> spis = new ArrayList<>(ReferenceRouter.ipsecSpis());
    Oid spi = MibOids.CIPSEC_SPI_ENTRY;
    spis.addAll(
        List.of(
            vb(spi, 2, "6.1", integer(1)),
            vb(spi, 3, "6.1", gauge(0xAL)),
            vb(spi, 4, "6.1", integer(2)),
            vb(spi, 5, "6.1", integer(1)),
            vb(spi, 2, "6.2", integer(2)),
            vb(spi, 3, "6.2", gauge(0xBL)),
            vb(spi, 4, "6.2", integer(2)),
            vb(spi, 5, "6.2", integer(1))));

    MibRead<List<IpsecFlow>> read = IpsecTunnelReader.read(tunnels, ends, spis);

    assertThat(read.warnings()).isEmpty();
    assertThat(read.value())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.activeSeconds()).hasValue(20);
              assertThat(f.counters().decapsulated()).hasValue(3);
              assertThat(f.spis().get().inbound()).isEqualTo("0x0000000A");
            });
  }

  @Test
  void aFlowWithoutAnActiveSpiPairIsDown() {
    List<VarBind> spis =
        replaced(ReferenceRouter.ipsecSpis(), MibOids.CIPSEC_SPI_ENTRY, 5, integer(2));

    IpsecFlow flow =
        IpsecTunnelReader.read(
                ReferenceRouter.ipsecTunnels(), ReferenceRouter.ipsecEndpoints(), spis)
            .value()
            .get(0);

    assertThat(flow.up()).isFalse();
    assertThat(flow.spis()).isEmpty();
  }

  @Test
  void ikeSasAreOnePerPeerTheNewestWinning() {
    List<VarBind> rows = new ArrayList<>(ReferenceRouter.ikeTunnels());
    rows.add(vb(IKE, 4, "2", addr("100.0.0.1")));
    rows.add(vb(IKE, 8, "2", addr("200.0.0.1")));
    rows.add(vb(IKE, 15, "2", integer(86400)));
    rows.add(vb(IKE, 16, "2", ticks(500)));
    rows.add(vb(IKE, 35, "2", integer(1)));

    MibRead<List<IkeSa>> read = IkeTunnelReader.read(rows);

    assertThat(read.value())
        .singleElement()
        .satisfies(
            sa -> {
              assertThat(sa.connId()).hasValue(2);
              assertThat(sa.activeSeconds()).hasValue(5);
            });
  }

  @Test
  void anIkeRowMissingItsStatusIsNotEstablishedAndSaysSo() {
    MibRead<List<IkeSa>> read =
        IkeTunnelReader.read(without(ReferenceRouter.ikeTunnels(), IKE, 35));

    assertThat(read.value().get(0).established()).isFalse();
    assertThat(read.value().get(0).state()).isEqualTo("unknown");
    assertThat(read.warnings())
        .extracting(MibWarning::message)
        .containsExactly("cikeTunStatus (.35) missing");
  }

  @Test
  void failureCountersStayEmptyWhenAPartIsMissing() {
    List<VarBind> stats = without(ReferenceRouter.ikeGlobalStats(), MibOids.CIKE_GLOBAL_STATS, 23);

    MibRead<io.tunnelwatch.core.model.FailureCounters> read =
        FailureCounterReader.read(stats, ReferenceRouter.ipsecGlobalStats());

    assertThat(read.value().phase1()).isEmpty();
    assertThat(read.value().phase2()).hasValue(15);
    assertThat(read.warnings()).isNotEmpty();
  }

  @Test
  void anUnknownFailureReasonIsKeptByNumber() {
    List<VarBind> fails =
        replaced(ReferenceRouter.ikeFailures(), MibOids.CIKE_FAIL_ENTRY, 2, integer(99));

    var read = FailTableReader.read(fails, List.of(), List.of());

    assertThat(read.value().get(0).reason()).isEqualTo("reason(99)");
    assertThat(read.warnings()).singleElement().asString().contains("expected 1..17");
  }

  @Test
  void cpuReadsTheFirstCompleteRowAndRejectsPercentagesOver100() {
    Oid e = MibOids.CPM_CPU_TOTAL_ENTRY;
    List<VarBind> rows =
        List.of(
            vb(e, 6, "1", gauge(250)),
            vb(e, 7, "1", gauge(8)),
            vb(e, 8, "1", gauge(5)),
            vb(e, 6, "2", gauge(40)),
            vb(e, 7, "2", gauge(30)),
            vb(e, 8, "2", gauge(20)));

    var read = CpuReader.read(rows);

    assertThat(read.value()).hasValueSatisfying(c -> assertThat(c.fiveSeconds()).isEqualTo(0.4));
    assertThat(read.warnings()).singleElement().asString().contains("expected a percentage 0..100");
  }

  @Test
  void tunnelInterfacesFallBackTo32BitCountersAndIpAddressColumns() {
    Oid e = MibOids.IF_ENTRY;
    Oid t = MibOids.TUNNEL_IF_ENTRY;
    List<VarBind> rows =
        List.of(
            vb(e, 2, "9", text("Tunnel12")),
            vb(e, 3, "9", integer(131)),
            vb(e, 7, "9", integer(1)),
            vb(e, 8, "9", integer(2)),
            vb(e, 10, "9", c32(77)),
            vb(e, 11, "9", c32(7)),
            vb(e, 13, "9", c32(0)),
            vb(e, 14, "9", c32(0)),
            vb(e, 16, "9", c32(88)),
            vb(e, 17, "9", c32(8)),
            vb(e, 19, "9", c32(0)),
            vb(e, 20, "9", c32(0)),
            new VarBind(MibOids.IF_X_ENTRY.append(6, 9), SnmpValue.Absent.NO_SUCH_OBJECT),
            vb(t, 1, "9", new SnmpValue.IpAddress("200.0.0.1")),
            vb(t, 2, "9", new SnmpValue.IpAddress("100.0.0.1")),
            vb(t, 3, "9", integer(3)));

    MibRead<List<TunnelInterface>> read = TunnelInterfaceReader.read(rows);

    assertThat(read.warnings()).isEmpty();
    TunnelInterface tunnel = read.value().get(0);
    assertThat(tunnel.name()).isEqualTo("Tunnel12");
    assertThat(tunnel.lineProtocolUp()).isFalse();
    assertThat(tunnel.sourceAddress()).isEqualTo("200.0.0.1");
    assertThat(tunnel.destinationAddress()).isEqualTo("100.0.0.1");
    assertThat(tunnel.counters().receiveBytes()).hasValue(77);
    assertThat(tunnel.counters().transmitPackets()).hasValue(8);
  }

  @Test
  void aTunnelInterfaceWithoutOperStatusIsSkippedWithAWarning() {
    List<VarBind> rows = without(ReferenceRouter.interfaces(7), MibOids.IF_ENTRY, 8);

    MibRead<List<TunnelInterface>> read = TunnelInterfaceReader.read(rows);

    assertThat(read.value()).isEmpty();
    assertThat(read.warnings())
        .extracting(MibWarning::message)
        .contains("ifOperStatus (.8) missing");
  }
}
