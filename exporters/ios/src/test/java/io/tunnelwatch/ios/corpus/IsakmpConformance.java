package io.tunnelwatch.ios.corpus;

import static io.tunnelwatch.ios.corpus.CryptoSessionConformance.fields;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunnelwatch.ios.model.AddressFamily;
import io.tunnelwatch.ios.model.IsakmpSa;
import io.tunnelwatch.ios.parse.IsakmpSaParser;
import java.util.List;
import java.util.Map;

/** Genie's {@code isakmp_stats/<IPv4|IPv6>/<n>} rows against ours, in output order. */
final class IsakmpConformance {

  private IsakmpConformance() {}

  static void compare(JsonNode expected, String raw, Mismatches m) {
    List<IsakmpSa> rows = IsakmpSaParser.parse(raw).value();
    JsonNode stats = expected.path("isakmp_stats");
    for (AddressFamily family : AddressFamily.values()) {
      String key = family == AddressFamily.IPV4 ? "IPv4" : "IPv6";
      List<IsakmpSa> ours = rows.stream().filter(r -> r.family() == family).toList();
      JsonNode section = stats.path(key);
      m.checkValue(key + " row count", Integer.toString(section.size()), ours.size());
      int index = 0;
      for (Map.Entry<String, JsonNode> row : fields(section)) {
        if (index >= ours.size()) {
          break;
        }
        IsakmpSa sa = ours.get(index++);
        JsonNode e = row.getValue();
        String f = key + " row " + row.getKey() + " ";
        if (e.has("c_id")) {
          m.check(f + "c_id", e.get("c_id"), sa.connId());
          m.check(f + "conn_id", e.get("conn_id"), sa.engineConnId());
          m.check(f + "engine_id", e.get("engine_id"), sa.engineId());
          m.check(f + "local_ip", e.get("local_ip"), sa.source());
          m.check(f + "remote_ip", e.get("remote_ip"), sa.destination());
          m.check(f + "ivrf", e.get("ivrf"), sa.insideVrf());
          m.check(f + "encr_algo", e.get("encr_algo"), sa.encryption());
          m.check(f + "hash_algo", e.get("hash_algo"), sa.hash());
          m.check(f + "auth_type", e.get("auth_type"), sa.authentication());
          m.check(f + "dh_group", e.get("dh_group"), sa.dhGroup());
          m.check(f + "capabilities", e.get("capabilities"), sa.capabilities());
          CryptoSessionConformance.lifetime(
              m, f + "lifetime", e.get("lifetime"), sa.lifetimeRemainingSeconds());
        } else {
          m.check(f + "conn_id", e.get("conn_id"), sa.connId());
          m.check(f + "destination", e.get("destination"), sa.destination());
          m.check(f + "source", e.get("source"), sa.source());
          m.check(f + "session_state", e.get("session_state"), sa.state());
        }
        m.check(f + "status", e.get("status"), sa.status());
        m.checkValue(
            f + "deleted",
            Boolean.toString("deleted".equals(e.path("current_status").asText())),
            sa.deleted());
      }
    }
  }
}
