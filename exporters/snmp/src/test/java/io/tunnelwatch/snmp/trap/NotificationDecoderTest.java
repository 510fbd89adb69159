package io.tunnelwatch.snmp.trap;

import static io.tunnelwatch.snmp.Vb.addr;
import static io.tunnelwatch.snmp.Vb.integer;
import static io.tunnelwatch.snmp.Vb.text;
import static io.tunnelwatch.snmp.Vb.ticks;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.core.model.Observation;
import io.tunnelwatch.core.model.ObservationKind;
import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.SnmpValue;
import io.tunnelwatch.snmp.VarBind;
import io.tunnelwatch.snmp.mib.MibOids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NotificationDecoderTest {

  private static final Instant AT = Instant.parse("2026-11-29T03:00:00Z");

  private static List<VarBind> notification(Oid trapOid, VarBind... objects) {
    List<VarBind> list = new ArrayList<>();
    list.add(new VarBind(Oid.parse("1.3.6.1.2.1.1.3.0"), ticks(12345)));
    list.add(new VarBind(MibOids.SNMP_TRAP_OID, new SnmpValue.ObjectId(trapOid)));
    list.addAll(List.of(objects));
    return list;
  }

  @ParameterizedTest
  @CsvSource({
    "1, IKE_TUNNEL_START, cikeTunnelStart",
    "2, IKE_TUNNEL_STOP, cikeTunnelStop",
    "3, IKE_SYSTEM_FAILURE, cikeSysFailure",
    "5, IKE_PROTOCOL_FAILURE, cikeProtocolFailure",
    "6, IKE_NO_SA, cikeNoSa",
    "10, IPSEC_SETUP_FAILURE, cipSecSetUpFailure"
  })
  void ipsecNotificationsCarryTheirPeer(int number, ObservationKind kind, String name) {
    List<VarBind> varbinds =
        notification(
            MibOids.CIPSEC_NOTIFICATIONS.append(number),
            new VarBind(MibOids.CIKE_PEER_LOCAL_ADDR.append(3), addr("100.0.0.1")),
            new VarBind(MibOids.CIKE_PEER_REMOTE_ADDR.append(3), addr("200.0.0.1")));

    Optional<Observation> o = NotificationDecoder.decode("R1", AT, varbinds);

    assertThat(o)
        .contains(
            new Observation(
                "R1",
                AT,
                kind,
                Optional.of("200.0.0.1"),
                Optional.empty(),
                name + " local=100.0.0.1 peer=200.0.0.1"));
  }

  @Test
  void ipsecTunnelNotificationsWithoutAPeerStillDecode() {
    Optional<Observation> start =
        NotificationDecoder.decode(
            "R1",
            AT,
            notification(
                MibOids.CIPSEC_NOTIFICATIONS.append(7),
                new VarBind(MibOids.CIPSEC_TUNNEL_ENTRY.append(9, 5), integer(3600))));
    Optional<Observation> early =
        NotificationDecoder.decode(
            "R1",
            AT,
            notification(
                MibOids.CIPSEC_NOTIFICATIONS.append(11),
                new VarBind(MibOids.CIPSEC_TUNNEL_ENTRY.append(10, 5), ticks(12_000))));

    assertThat(start.get().kind()).isEqualTo(ObservationKind.IPSEC_TUNNEL_START);
    assertThat(start.get().detail()).isEqualTo("cipSecTunnelStart lifetime=3600s");
    assertThat(start.get().peer()).isEmpty();
    assertThat(early.get().kind()).isEqualTo(ObservationKind.IPSEC_EARLY_TERMINATION);
    assertThat(early.get().detail()).isEqualTo("cipSecEarlyTunTerm activeTime=120s");
  }

  @Test
  void linkDownNamesTheInterfaceWhenIosSendsIfDescr() {
    Optional<Observation> o =
        NotificationDecoder.decode(
            "R2",
            AT,
            notification(
                MibOids.LINK_DOWN,
                new VarBind(MibOids.IF_ENTRY.append(1, 12), integer(12)),
                new VarBind(MibOids.IF_ENTRY.append(7, 12), integer(1)),
                new VarBind(MibOids.IF_ENTRY.append(8, 12), integer(2)),
                new VarBind(MibOids.IF_ENTRY.append(2, 12), text("Tunnel12"))));

    assertThat(o.get().kind()).isEqualTo(ObservationKind.LINK_DOWN);
    assertThat(o.get().tunnel()).contains("Tunnel12");
    assertThat(o.get().detail())
        .isEqualTo("linkDown ifIndex=12 ifAdminStatus=1 ifOperStatus=2 ifDescr=Tunnel12");
  }

  @Test
  void linkUpWithoutIfDescrHasNoTunnelName() {
    Optional<Observation> o =
        NotificationDecoder.decode(
            "R2",
            AT,
            notification(MibOids.LINK_UP, new VarBind(MibOids.IF_ENTRY.append(1, 3), integer(3))));

    assertThat(o.get().kind()).isEqualTo(ObservationKind.LINK_UP);
    assertThat(o.get().tunnel()).isEmpty();
  }

  @Test
  void otherNotificationsAreUnsupported() {
    assertThat(NotificationDecoder.decode("R1", AT, notification(Oid.parse("1.3.6.1.6.3.1.1.5.1"))))
        .isEmpty();
    assertThat(
            NotificationDecoder.decode(
                "R1", AT, notification(MibOids.CIPSEC_NOTIFICATIONS.append(4))))
        .as("cikeCertCrlFailure is not one tunnelwatch reacts to")
        .isEmpty();
    assertThat(
            NotificationDecoder.decode(
                "R1", AT, List.of(new VarBind(Oid.parse("1.3.6.1.2.1.1.3.0"), ticks(1)))))
        .as("no snmpTrapOID.0")
        .isEmpty();
  }
}
