package io.tunnelwatch.ios.corpus;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunnelwatch.core.model.IkeVersion;
import io.tunnelwatch.ios.model.CryptoSession;
import io.tunnelwatch.ios.model.SessionFlowDirection;
import io.tunnelwatch.ios.model.SessionIkeSa;
import io.tunnelwatch.ios.model.SessionIpsecFlow;
import io.tunnelwatch.ios.parse.CryptoSessionParser;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Genie has two schemas for crypto sessions: {@code interface/<if>/peer/<ip>/port/<p>/...} for the
 * plain and detail classes, and {@code interfaces/<if>/...} (one session per interface) for the
 * Remote classes.
 */
final class CryptoSessionConformance {

  private CryptoSessionConformance() {}

  static void compare(JsonNode expected, String raw, Mismatches m) {
    List<CryptoSession> sessions = CryptoSessionParser.parse(raw).value();
    if (expected.has("interface")) {
      byPeer(expected.get("interface"), sessions, m);
    } else {
      byInterface(expected.get("interfaces"), sessions, m);
    }
  }

  private static void byPeer(JsonNode interfaces, List<CryptoSession> sessions, Mismatches m) {
    int expectedSessions = 0;
    for (Map.Entry<String, JsonNode> iface : fields(interfaces)) {
      JsonNode ifNode = iface.getValue();
      for (Map.Entry<String, JsonNode> peer : fields(ifNode.path("peer"))) {
        for (Map.Entry<String, JsonNode> port : fields(peer.getValue().path("port"))) {
          expectedSessions++;
          String where = iface.getKey() + "/" + peer.getKey() + ":" + port.getKey();
          Optional<CryptoSession> found =
              sessions.stream()
                  .filter(s -> s.interfaceName().equals(iface.getKey()))
                  .filter(s -> s.peer().equals(peer.getKey()))
                  .filter(s -> s.peerPort().orElse(-1) == Integer.parseInt(port.getKey()))
                  .findFirst();
          if (found.isEmpty()) {
            m.missing(where);
            continue;
          }
          CryptoSession s = found.get();
          JsonNode p = port.getValue();
          m.check(where + " session_status", ifNode.get("session_status"), s.status());
          m.check(where + " profile", ifNode.get("profile"), s.profile());
          m.check(where + " uptime", ifNode.get("uptime"), s.uptime());
          m.check(where + " phase1_id", p.get("phase1_id"), s.phase1Id());
          JsonNode ikeSas = p.has("ike_sa") ? p.get("ike_sa") : p.get("ikev1_sa");
          int index = 0;
          for (Map.Entry<String, JsonNode> ike : fields(ikeSas)) {
            if (index >= s.ikeSas().size()) {
              m.missing(where + " ike_sa " + ike.getKey());
              break;
            }
            SessionIkeSa sa = s.ikeSas().get(index++);
            JsonNode e = ike.getValue();
            String f = where + " ike_sa " + ike.getKey() + " ";
            m.check(f + "local", e.get("local"), sa.localAddress());
            m.check(f + "local_port", e.get("local_port"), sa.localPort());
            m.check(f + "remote", e.get("remote"), sa.remoteAddress());
            m.check(f + "remote_port", e.get("remote_port"), sa.remotePort());
            m.check(f + "sa_status", e.get("sa_status"), sa.status());
            m.check(f + "session_id", e.get("session_id"), s.sessionId());
            m.check(f + "conn_id", e.get("conn_id"), sa.connId());
            m.check(f + "capabilities", e.get("capabilities"), sa.capabilities());
            lifetime(m, f + "lifetime", e.get("lifetime"), sa.lifetimeRemainingSeconds());
            if (e.has("version")) {
              m.checkValue(f + "version", e.get("version").asText(), versionName(sa.version()));
            }
          }
          for (Map.Entry<String, JsonNode> flow : fields(p.path("ipsec_flow"))) {
            String acl = flow.getKey().strip();
            Optional<SessionIpsecFlow> ours =
                s.ipsecFlows().stream().filter(x -> x.acl().equals(acl)).findFirst();
            if (ours.isEmpty()) {
              m.missing(where + " ipsec_flow '" + acl + "'");
              continue;
            }
            JsonNode e = flow.getValue();
            String f = where + " flow '" + acl + "' ";
            m.check(f + "active_sas", e.get("active_sas"), ours.get().activeSas());
            m.check(f + "origin", e.get("origin"), ours.get().origin());
            direction(m, f + "inbound_", e, "inbound", "decrypted", ours.get().inbound());
            direction(m, f + "outbound_", e, "outbound", "encrypted", ours.get().outbound());
          }
        }
      }
    }
    m.checkValue("session count", Integer.toString(expectedSessions), sessions.size());
  }

  private static void direction(
      Mismatches m,
      String f,
      JsonNode e,
      String prefix,
      String verb,
      Optional<SessionFlowDirection> ours) {
    if (!e.has(prefix + "_pkts_" + verb)) {
      return;
    }
    if (ours.isEmpty()) {
      m.missing(f + "counters");
      return;
    }
    SessionFlowDirection d = ours.get();
    m.check(f + "pkts_" + verb, e.get(prefix + "_pkts_" + verb), d.packets());
    m.check(f + "pkts_drop", e.get(prefix + "_pkts_drop"), d.drops());
    m.check(f + "life_secs", e.get(prefix + "_life_secs"), d.lifeSeconds());
    lifeKb(m, f + "life_kb", e.get(prefix + "_life_kb"), d.lifeKilobytes());
  }

  private static void byInterface(JsonNode interfaces, List<CryptoSession> sessions, Mismatches m) {
    m.checkValue("session count", Integer.toString(interfaces.size()), sessions.size());
    for (Map.Entry<String, JsonNode> iface : fields(interfaces)) {
      String where = iface.getKey();
      Optional<CryptoSession> found =
          sessions.stream().filter(s -> s.interfaceName().equals(where)).findFirst();
      if (found.isEmpty()) {
        m.missing(where);
        continue;
      }
      CryptoSession s = found.get();
      JsonNode e = iface.getValue();
      m.check(where + " peer_ip", e.get("peer_ip"), s.peer());
      m.check(where + " peer_port", e.get("peer_port"), s.peerPort());
      m.check(where + " session_id", e.get("session_id"), s.sessionId());
      m.check(where + " session_status", e.get("session_status"), s.status());
      m.check(where + " profile", e.get("profile"), s.profile());
      m.check(where + " uptime", e.get("uptime"), s.uptime());
      for (String version : List.of("IKEv1", "IKEv2")) {
        JsonNode ike = e.get(version);
        if (ike == null) {
          continue;
        }
        if (s.ikeSas().isEmpty()) {
          m.missing(where + " " + version);
          continue;
        }
        SessionIkeSa sa = s.ikeSas().get(0);
        String f = where + " " + version + " ";
        m.checkValue(f + "version", version, versionName(sa.version()));
        m.check(f + "local_ip", ike.get("local_ip"), sa.localAddress());
        m.check(f + "local_port", ike.get("local_port"), sa.localPort());
        m.check(f + "remote_ip", ike.get("remote_ip"), sa.remoteAddress());
        m.check(f + "remote_port", ike.get("remote_port"), sa.remotePort());
        m.check(f + "connid", ike.get("connid"), sa.connId());
        m.check(f + "capabilities", ike.get("capabilities"), sa.capabilities());
        lifetime(m, f + "lifetime", ike.get("lifetime"), sa.lifetimeRemainingSeconds());
      }
      int index = 0;
      for (Map.Entry<String, JsonNode> flow : fields(e.path("ipsec_flow"))) {
        String f = where + " flow " + flow.getKey() + " ";
        if (index >= s.ipsecFlows().size()) {
          m.missing(f);
          break;
        }
        SessionIpsecFlow ours = s.ipsecFlows().get(index++);
        JsonNode ef = flow.getValue();
        m.check(f + "flow", ef.get("flow"), ours.acl());
        m.check(f + "active_sa", ef.get("active_sa"), ours.activeSas());
        m.check(f + "origin", ef.get("origin"), ours.origin());
        remoteDirection(m, f + "inbound ", ef.get("inbound"), "decrypted", ours.inbound());
        remoteDirection(m, f + "outbound ", ef.get("outbound"), "encrypted", ours.outbound());
      }
    }
  }

  private static void remoteDirection(
      Mismatches m, String f, JsonNode e, String verb, Optional<SessionFlowDirection> ours) {
    if (e == null) {
      return;
    }
    if (ours.isEmpty()) {
      m.missing(f);
      return;
    }
    m.check(f + verb, e.get(verb), ours.get().packets());
    m.check(f + "dropped", e.get("dropped"), ours.get().drops());
    m.check(f + "life_in_kb", e.get("life_in_kb"), ours.get().lifeKilobytes());
    m.check(f + "life_in_sec", e.get("life_in_sec"), ours.get().lifeSeconds());
  }

  /** Genie keeps {@code hh:mm:ss}; we keep seconds. */
  static void lifetime(Mismatches m, String field, JsonNode expected, OptionalLong seconds) {
    if (expected == null) {
      return;
    }
    String[] hms = expected.asText().split(":");
    long want =
        Long.parseLong(hms[0]) * 3600 + Long.parseLong(hms[1]) * 60 + Long.parseLong(hms[2]);
    m.checkValue(field, Long.toString(want), seconds);
  }

  /** {@code KB Vol Rekey Disabled} means "no volume lifetime", which we model as empty. */
  private static void lifeKb(Mismatches m, String field, JsonNode expected, OptionalLong kb) {
    if (expected == null) {
      return;
    }
    String text = expected.asText();
    m.checkValue(field, text.chars().allMatch(Character::isDigit) ? text : "<absent>", kb);
  }

  private static String versionName(IkeVersion version) {
    return version == IkeVersion.IKEV2 ? "IKEv2" : "IKEv1";
  }

  static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
    return () -> {
      Iterator<Map.Entry<String, JsonNode>> it = node == null ? null : node.fields();
      return it == null ? java.util.Collections.emptyIterator() : it;
    };
  }
}
