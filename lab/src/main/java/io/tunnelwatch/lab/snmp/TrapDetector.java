package io.tunnelwatch.lab.snmp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * The notifications a router sends when its MIB changes from one view to the next: IKE and IPsec
 * tunnels that stopped or started (a renegotiation is a stop and a start: the row index changes),
 * interfaces whose operational status changed, and new phase-1 / phase-2 failure records. A pure
 * function of the two views.
 */
public final class TrapDetector {
  private static final int IKE_LOCAL_VALUE = 3;
  private static final int IKE_REMOTE_VALUE = 7;
  private static final int IKE_LIFETIME = 15;
  private static final int IKE_ACTIVE_TIME = 16;
  private static final int IKE_STATUS = 35;
  private static final int IPSEC_LIFE_SIZE = 8;
  private static final int IPSEC_LIFETIME = 9;
  private static final int IPSEC_ACTIVE_TIME = 10;
  private static final int IPSEC_STATUS = 51;
  private static final int PEER_LOCAL_ADDR = 6;
  private static final int PEER_REMOTE_ADDR = 7;

  private TrapDetector() {}

  public static List<Notification> between(MibView before, MibView after) {
    List<Notification> out = new ArrayList<>();
    links(before, after, out);
    SortedSet<OID> ikeBefore = rows(before, MibOids.CIKE_TUNNEL_ENTRY, IKE_STATUS);
    SortedSet<OID> ikeAfter = rows(after, MibOids.CIKE_TUNNEL_ENTRY, IKE_STATUS);
    SortedSet<OID> ipsecBefore = rows(before, MibOids.CIPSEC_TUNNEL_ENTRY, IPSEC_STATUS);
    SortedSet<OID> ipsecAfter = rows(after, MibOids.CIPSEC_TUNNEL_ENTRY, IPSEC_STATUS);
    for (OID index : minus(ipsecBefore, ipsecAfter)) {
      out.add(
          new Notification(
              MibOids.CIPSEC_TUNNEL_STOP,
              List.of(binding(before, MibOids.CIPSEC_TUNNEL_ENTRY, IPSEC_ACTIVE_TIME, index))));
    }
    for (OID index : minus(ikeBefore, ikeAfter)) {
      out.add(
          new Notification(MibOids.CIKE_TUNNEL_STOP, ikeObjects(before, index, IKE_ACTIVE_TIME)));
    }
    for (OID index : minus(ikeAfter, ikeBefore)) {
      out.add(new Notification(MibOids.CIKE_TUNNEL_START, ikeObjects(after, index, IKE_LIFETIME)));
    }
    for (OID index : minus(ipsecAfter, ipsecBefore)) {
      out.add(
          new Notification(
              MibOids.CIPSEC_TUNNEL_START,
              List.of(
                  binding(after, MibOids.CIPSEC_TUNNEL_ENTRY, IPSEC_LIFETIME, index),
                  binding(after, MibOids.CIPSEC_TUNNEL_ENTRY, IPSEC_LIFE_SIZE, index))));
    }
    SortedSet<OID> p1Before = rows(before, MibOids.CIKE_FAIL_ENTRY, 2);
    for (OID index : minus(rows(after, MibOids.CIKE_FAIL_ENTRY, 2), p1Before)) {
      out.add(
          new Notification(
              MibOids.CIKE_PROTOCOL_FAILURE,
              peerObjects(
                  text(after, MibOids.CIKE_FAIL_ENTRY, 5, index),
                  text(after, MibOids.CIKE_FAIL_ENTRY, 7, index))));
    }
    SortedSet<OID> p2Before = rows(before, MibOids.CIPSEC_FAIL_ENTRY, 2);
    for (OID index : minus(rows(after, MibOids.CIPSEC_FAIL_ENTRY, 2), p2Before)) {
      out.add(
          new Notification(
              MibOids.CIPSEC_SETUP_FAILURE,
              peerObjects(
                  address(after, MibOids.CIPSEC_FAIL_ENTRY, 6, index),
                  address(after, MibOids.CIPSEC_FAIL_ENTRY, 7, index))));
    }
    return out;
  }

  private static void links(MibView before, MibView after, List<Notification> out) {
    NavigableMap<OID, Variable> now = after.subtree(column(MibOids.IF_ENTRY, 8));
    for (var entry : now.entrySet()) {
      Variable was = before.get(entry.getKey()).orElse(null);
      if (was == null || was.equals(entry.getValue())) {
        continue;
      }
      OID index = suffix(entry.getKey(), column(MibOids.IF_ENTRY, 8));
      boolean up = entry.getValue().toInt() == InterfaceTables.OPER_UP;
      out.add(
          new Notification(
              up ? MibOids.LINK_UP : MibOids.LINK_DOWN,
              List.of(
                  binding(after, MibOids.IF_ENTRY, 1, index),
                  binding(after, MibOids.IF_ENTRY, 7, index),
                  binding(after, MibOids.IF_ENTRY, 8, index))));
    }
  }

  private static List<VariableBinding> ikeObjects(MibView view, OID index, int timeColumn) {
    List<VariableBinding> objects =
        new ArrayList<>(
            peerObjects(
                text(view, MibOids.CIKE_TUNNEL_ENTRY, IKE_LOCAL_VALUE, index),
                text(view, MibOids.CIKE_TUNNEL_ENTRY, IKE_REMOTE_VALUE, index)));
    objects.add(binding(view, MibOids.CIKE_TUNNEL_ENTRY, timeColumn, index));
    return objects;
  }

  /** cikePeerLocalAddr and cikePeerRemoteAddr, instanced by the cikePeerTable index. */
  private static List<VariableBinding> peerObjects(String local, String remote) {
    OID peer = IpsecFlowTables.peerIndex(local, remote);
    return List.of(
        new VariableBinding(
            MibOids.cell(MibOids.CIKE_PEER_ENTRY, PEER_LOCAL_ADDR, peer),
            IpsecFlowTables.ipsAddress(local)),
        new VariableBinding(
            MibOids.cell(MibOids.CIKE_PEER_ENTRY, PEER_REMOTE_ADDR, peer),
            IpsecFlowTables.ipsAddress(remote)));
  }

  private static SortedSet<OID> rows(MibView view, OID entry, int column) {
    OID prefix = column(entry, column);
    SortedSet<OID> rows = new TreeSet<>();
    for (OID oid : view.subtree(prefix).keySet()) {
      rows.add(suffix(oid, prefix));
    }
    return rows;
  }

  private static SortedSet<OID> minus(SortedSet<OID> a, SortedSet<OID> b) {
    SortedSet<OID> result = new TreeSet<>(a);
    result.removeAll(b);
    return result;
  }

  private static VariableBinding binding(MibView view, OID entry, int column, OID index) {
    OID oid = MibOids.cell(entry, column, index);
    return new VariableBinding(oid, view.get(oid).orElseThrow());
  }

  private static String text(MibView view, OID entry, int column, OID index) {
    return Objects.toString(view.get(MibOids.cell(entry, column, index)).orElseThrow());
  }

  private static String address(MibView view, OID entry, int column, OID index) {
    OctetString bytes = (OctetString) view.get(MibOids.cell(entry, column, index)).orElseThrow();
    try {
      return InetAddress.getByAddress(bytes.getValue()).getHostAddress();
    } catch (UnknownHostException e) {
      throw new IllegalStateException("IPSIpAddress must have 4 or 16 bytes: " + bytes, e);
    }
  }

  private static OID column(OID entry, int column) {
    OID oid = new OID(entry);
    oid.append(column);
    return oid;
  }

  private static OID suffix(OID oid, OID prefix) {
    return new OID(oid.getValue(), prefix.size(), oid.size() - prefix.size());
  }
}
