package io.tunnelwatch.lab;

import io.tunnelwatch.lab.sim.CryptoSnapshot;
import io.tunnelwatch.lab.sim.EthernetPort;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable list of a running lab's routers: where each answers SSH and SNMP and which
 * routers it has tunnels to. Credentials are not part of it.
 *
 * <pre>
 * {"routers":[
 *   {"name":"R1","site":"Branch-01","ssh":{"host":"127.0.0.1","port":2201},
 *    "snmp":{"host":"127.0.0.1","port":1161,"engineId":"800000090352540012..."},
 *    "tunnels":[{"interface":"Tunnel10","peer":"R2","peerAddress":"200.0.0.1"}]},
 *   ...]}
 * </pre>
 *
 * <p>{@code snmp} is null when the lab runs without SNMP, {@code ssh} for the routers of a scale
 * lab that answer SNMP only.
 */
public final class LabInventory {
  private LabInventory() {}

  public static String json(RunningLab lab) {
    List<LabRouter> routers = lab.routers();
    Map<String, String> byUplink = new HashMap<>();
    for (LabRouter r : routers) {
      byUplink.put(
          r.simulated().config().port(EthernetPort.Role.WAN).address().address(), r.name());
    }
    StringBuilder out = new StringBuilder("{\"routers\":[");
    for (int i = 0; i < routers.size(); i++) {
      LabRouter r = routers.get(i);
      RouterSnapshot s = r.simulated().snapshot();
      out.append(i == 0 ? "\n" : ",\n");
      out.append("{\"name\":").append(quote(r.name()));
      out.append(",\"site\":").append(quote(s.config().site()));
      out.append(",\"ssh\":");
      if (r.hasSsh()) {
        out.append("{\"host\":")
            .append(quote(r.sshHost()))
            .append(",\"port\":")
            .append(r.sshPort())
            .append('}');
      } else {
        out.append("null");
      }
      out.append(",\"snmp\":");
      if (r.snmpAddress().isPresent()) {
        InetSocketAddress a = r.snmpAddress().get();
        out.append("{\"host\":")
            .append(quote(a.getAddress().getHostAddress()))
            .append(",\"port\":")
            .append(a.getPort())
            .append(",\"engineId\":")
            .append(quote(r.snmpEngineId().orElseThrow()))
            .append('}');
      } else {
        out.append("null");
      }
      out.append(",\"tunnels\":[");
      List<CryptoSnapshot> sessions = s.sessions();
      for (int t = 0; t < sessions.size(); t++) {
        CryptoSnapshot c = sessions.get(t);
        out.append(t == 0 ? "" : ",");
        out.append("{\"interface\":")
            .append(quote(c.tunnelInterface()))
            .append(",\"peer\":")
            .append(quote(byUplink.getOrDefault(c.peerAddress(), "")))
            .append(",\"peerAddress\":")
            .append(quote(c.peerAddress()))
            .append('}');
      }
      out.append("]}");
    }
    out.append("\n]}\n");
    return out.toString();
  }

  /** Names, sites and addresses are plain ASCII without quotes or backslashes; escape anyway. */
  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int at = 0; at < text.length(); at++) {
      char c = text.charAt(at);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
