package io.tunnelwatch.snmp.trap;

import io.tunnelwatch.core.model.Observation;
import io.tunnelwatch.core.model.ObservationKind;
import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.SnmpValue;
import io.tunnelwatch.snmp.VarBind;
import io.tunnelwatch.snmp.mib.IpsAddress;
import io.tunnelwatch.snmp.mib.MibOids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SNMPv2 notification varbinds → {@link Observation}: the CISCO-IPSEC-FLOW-MONITOR-MIB
 * notifications tunnelwatch reacts to and IF-MIB linkUp/linkDown. A pure function; anything else is
 * unsupported (empty).
 */
public final class NotificationDecoder {

  private static final Map<Integer, ObservationKind> IPSEC_KINDS =
      Map.of(
          1, ObservationKind.IKE_TUNNEL_START,
          2, ObservationKind.IKE_TUNNEL_STOP,
          3, ObservationKind.IKE_SYSTEM_FAILURE,
          5, ObservationKind.IKE_PROTOCOL_FAILURE,
          6, ObservationKind.IKE_NO_SA,
          7, ObservationKind.IPSEC_TUNNEL_START,
          8, ObservationKind.IPSEC_TUNNEL_STOP,
          10, ObservationKind.IPSEC_SETUP_FAILURE,
          11, ObservationKind.IPSEC_EARLY_TERMINATION);

  private static final Map<Integer, String> IPSEC_NAMES =
      Map.of(
          1, "cikeTunnelStart",
          2, "cikeTunnelStop",
          3, "cikeSysFailure",
          5, "cikeProtocolFailure",
          6, "cikeNoSa",
          7, "cipSecTunnelStart",
          8, "cipSecTunnelStop",
          10, "cipSecSetUpFailure",
          11, "cipSecEarlyTunTerm");

  private static final Oid IF_DESCR = MibOids.IF_ENTRY.append(2);
  private static final Oid IF_INDEX = MibOids.IF_ENTRY.append(1);
  private static final Oid IF_ADMIN = MibOids.IF_ENTRY.append(7);
  private static final Oid IF_OPER = MibOids.IF_ENTRY.append(8);
  private static final Oid CIKE_TUN_LIFETIME = MibOids.CIKE_TUNNEL_ENTRY.append(15);
  private static final Oid CIKE_TUN_ACTIVE = MibOids.CIKE_TUNNEL_ENTRY.append(16);
  private static final Oid CIPSEC_TUN_LIFETIME = MibOids.CIPSEC_TUNNEL_ENTRY.append(9);
  private static final Oid CIPSEC_TUN_ACTIVE = MibOids.CIPSEC_TUNNEL_ENTRY.append(10);

  private NotificationDecoder() {}

  /** The notification's {@code snmpTrapOID.0} value, if the varbinds carry one. */
  public static Optional<Oid> trapOid(List<VarBind> varbinds) {
    for (VarBind vb : varbinds) {
      if (vb.oid().equals(MibOids.SNMP_TRAP_OID) && vb.value() instanceof SnmpValue.ObjectId id) {
        return Optional.of(id.oid());
      }
    }
    return Optional.empty();
  }

  /** The observation, or empty when the notification is not one tunnelwatch understands. */
  public static Optional<Observation> decode(
      String device, Instant receivedAt, List<VarBind> varbinds) {
    Optional<Oid> trapOid = trapOid(varbinds);
    if (trapOid.isEmpty()) {
      return Optional.empty();
    }
    Oid oid = trapOid.get();
    if (oid.equals(MibOids.LINK_UP) || oid.equals(MibOids.LINK_DOWN)) {
      return Optional.of(link(device, receivedAt, oid.equals(MibOids.LINK_UP), varbinds));
    }
    if (oid.startsWith(MibOids.CIPSEC_NOTIFICATIONS)
        && oid.size() == MibOids.CIPSEC_NOTIFICATIONS.size() + 1) {
      int number = (int) oid.arc(oid.size() - 1);
      ObservationKind kind = IPSEC_KINDS.get(number);
      if (kind == null) {
        return Optional.empty();
      }
      return Optional.of(
          ipsec(device, receivedAt, kind, IPSEC_NAMES.getOrDefault(number, kind.name()), varbinds));
    }
    return Optional.empty();
  }

  private static Observation link(
      String device, Instant receivedAt, boolean up, List<VarBind> varbinds) {
    List<String> parts = new ArrayList<>();
    parts.add(up ? "linkUp" : "linkDown");
    Optional<String> name = Optional.empty();
    for (VarBind vb : varbinds) {
      if (vb.oid().startsWith(IF_INDEX)) {
        parts.add("ifIndex=" + number(vb.value()));
      } else if (vb.oid().startsWith(IF_DESCR) && vb.value() instanceof SnmpValue.OctetString s) {
        name = Optional.of(s.text().strip()).filter(n -> !n.isEmpty());
        name.ifPresent(n -> parts.add("ifDescr=" + n));
      } else if (vb.oid().startsWith(IF_ADMIN)) {
        parts.add("ifAdminStatus=" + number(vb.value()));
      } else if (vb.oid().startsWith(IF_OPER)) {
        parts.add("ifOperStatus=" + number(vb.value()));
      }
    }
    return new Observation(
        device,
        receivedAt,
        up ? ObservationKind.LINK_UP : ObservationKind.LINK_DOWN,
        Optional.empty(),
        name,
        String.join(" ", parts));
  }

  private static Observation ipsec(
      String device,
      Instant receivedAt,
      ObservationKind kind,
      String name,
      List<VarBind> varbinds) {
    List<String> parts = new ArrayList<>();
    parts.add(name);
    Optional<String> peer = Optional.empty();
    for (VarBind vb : varbinds) {
      if (vb.oid().startsWith(MibOids.CIKE_PEER_REMOTE_ADDR)) {
        peer = address(vb.value());
        parts.add("peer=" + peer.orElse("?"));
      } else if (vb.oid().startsWith(MibOids.CIKE_PEER_LOCAL_ADDR)) {
        parts.add("local=" + address(vb.value()).orElse("?"));
      } else if (vb.oid().startsWith(CIKE_TUN_LIFETIME)
          || vb.oid().startsWith(CIPSEC_TUN_LIFETIME)) {
        parts.add("lifetime=" + number(vb.value()) + "s");
      } else if (vb.oid().startsWith(CIKE_TUN_ACTIVE) || vb.oid().startsWith(CIPSEC_TUN_ACTIVE)) {
        parts.add("activeTime=" + seconds(vb.value()) + "s");
      }
    }
    return new Observation(
        device, receivedAt, kind, peer, Optional.empty(), String.join(" ", parts));
  }

  private static Optional<String> address(SnmpValue value) {
    if (value instanceof SnmpValue.OctetString s) {
      return IpsAddress.decode(s.bytes());
    }
    if (value instanceof SnmpValue.IpAddress ip) {
      return Optional.of(ip.address());
    }
    return Optional.empty();
  }

  private static String number(SnmpValue value) {
    if (value instanceof SnmpValue.Integer32 i) {
      return Integer.toString(i.value());
    }
    if (value instanceof SnmpValue.Gauge32 g) {
      return Long.toString(g.value());
    }
    if (value instanceof SnmpValue.Counter32 c) {
      return Long.toString(c.value());
    }
    return "?";
  }

  private static String seconds(SnmpValue value) {
    if (value instanceof SnmpValue.TimeTicks t) {
      return Long.toString(t.hundredths() / 100);
    }
    if (value instanceof SnmpValue.Integer32 i) {
      return Long.toString(i.value() / 100L);
    }
    return "?";
  }
}
