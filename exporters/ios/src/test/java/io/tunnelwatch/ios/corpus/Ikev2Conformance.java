package io.tunnelwatch.ios.corpus;

import static io.tunnelwatch.ios.corpus.CryptoSessionConformance.fields;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunnelwatch.ios.model.AddressFamily;
import io.tunnelwatch.ios.model.Ikev2Sa;
import io.tunnelwatch.ios.parse.Ikev2SaParser;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Genie's two IKEv2 schemas against ours: the plain command's {@code ipv4|ipv6/<tunnel-id>} and the
 * detail command's {@code tunnel_id/<tunnel-id>} (which loses the address family and lower-cases
 * most values).
 */
final class Ikev2Conformance {

  private Ikev2Conformance() {}

  static void compare(JsonNode expected, String raw, Mismatches m) {
    List<Ikev2Sa> sas = Ikev2SaParser.parse(raw).value();
    if (expected.has("tunnel_id")) {
      compareDetail(expected.get("tunnel_id"), sas, m);
    } else {
      comparePlain(expected, sas, m);
    }
  }

  private static void comparePlain(JsonNode expected, List<Ikev2Sa> sas, Mismatches m) {
    for (AddressFamily family : AddressFamily.values()) {
      String key = family == AddressFamily.IPV4 ? "ipv4" : "ipv6";
      List<Ikev2Sa> ours = sas.stream().filter(sa -> sa.family() == family).toList();
      JsonNode section = expected.path(key);
      m.checkValue(key + " SA count", Integer.toString(section.size()), ours.size());
      Map<String, Ikev2Sa> byId = byTunnelId(ours);
      for (Map.Entry<String, JsonNode> entry : fields(section)) {
        Ikev2Sa sa = byId.get(entry.getKey());
        String f = key + " tunnel " + entry.getKey() + " ";
        if (sa == null) {
          m.missing(f);
          continue;
        }
        JsonNode e = entry.getValue();
        m.check(f + "tunnel_id", e.get("tunnel_id"), sa.tunnelId());
        m.check(f + "local_ip", e.get("local_ip"), sa.localAddress());
        m.check(f + "local_port", e.get("local_port"), sa.localPort());
        m.check(f + "remote_ip", e.get("remote_ip"), sa.remoteAddress());
        m.check(f + "remote_port", e.get("remote_port"), sa.remotePort());
        m.check(f + "status", e.get("status"), sa.status());
        m.check(f + "pqc", e.get("pqc"), sa.pqcKeyExchange());
        commonFields(e, sa, f, m);
      }
    }
  }

  private static void compareDetail(JsonNode tunnels, List<Ikev2Sa> sas, Mismatches m) {
    m.checkValue("SA count", Integer.toString(tunnels.size()), sas.size());
    Map<String, Ikev2Sa> byId = byTunnelId(sas);
    for (Map.Entry<String, JsonNode> entry : fields(tunnels)) {
      Ikev2Sa sa = byId.get(entry.getKey());
      String f = "tunnel " + entry.getKey() + " ";
      if (sa == null) {
        m.missing(f);
        continue;
      }
      JsonNode e = entry.getValue();
      endpoint(m, f + "local", e.get("local"), sa.localAddress(), sa.localPort().getAsInt());
      endpoint(m, f + "remote", e.get("remote"), sa.remoteAddress(), sa.remotePort().getAsInt());
      // upstream lower-cases the detail values ("ready", "negotiation done", "yes")
      ignoringCase(m, f + "status", e.get("status"), sa.status());
      ignoringCase(
          m, f + "status_description", e.get("status_description"), sa.statusDescription());
      m.check(f + "local_id", e.get("local_id"), sa.localId());
      m.check(f + "remote_id", e.get("remote_id"), sa.remoteId());
      m.check(f + "dh_grp", e.get("dh_grp"), sa.dhGroup());
      m.check(f + "pqc", e.get("pqc"), sa.pqcKeyExchange());
      ignoringCase(
          m,
          f + "initiator_of_sa",
          e.get("initiator_of_sa"),
          sa.initiator().map(yes -> yes ? "yes" : "no"));
      commonFields(e, sa, f, m);
    }
  }

  /** Fields named alike in both of upstream's schemas. */
  private static void commonFields(JsonNode e, Ikev2Sa sa, String f, Mismatches m) {
    m.check(f + "fvrf", e.get("fvrf"), sa.frontVrf());
    m.check(f + "ivrf", e.get("ivrf"), sa.insideVrf());
    ignoringCase(m, f + "encryption", e.get("encryption"), sa.encryption());
    m.check(f + "keysize", e.get("keysize"), sa.keySize());
    ignoringCase(m, f + "prf", e.get("prf"), sa.prf());
    ignoringCase(m, f + "hash", e.get("hash"), sa.hash());
    m.check(f + "dh_group", e.get("dh_group"), sa.dhGroup());
    ignoringCase(m, f + "auth_sign", e.get("auth_sign"), sa.authSign());
    ignoringCase(m, f + "auth_verify", e.get("auth_verify"), sa.authVerify());
    m.check(f + "life_time", e.get("life_time"), sa.lifetimeSeconds());
    m.check(f + "active_time", e.get("active_time"), sa.activeSeconds());
    m.check(f + "ce_id", e.get("ce_id"), sa.ceId());
    m.check(f + "session_id", e.get("session_id"), sa.sessionId());
    m.check(f + "local_spi", e.get("local_spi"), sa.localSpi());
    m.check(f + "remote_spi", e.get("remote_spi"), sa.remoteSpi());
  }

  /**
   * Upstream keeps {@code address/port} from wide rows but only the address from IPv6 narrow rows
   * ({@code Local 2001:DB8::1/500} loses its port there), so the port is compared when present.
   */
  private static void endpoint(
      Mismatches m, String field, JsonNode expected, String addr, int port) {
    if (expected == null) {
      return;
    }
    String want = expected.asText();
    m.checkValue(field, want, want.contains("/") ? addr + "/" + port : addr);
  }

  private static void ignoringCase(Mismatches m, String field, JsonNode expected, Object actual) {
    if (expected == null || expected.isNull()) {
      return;
    }
    Object value =
        actual instanceof Optional<?> o ? o.map(String::valueOf).orElse("<absent>") : actual;
    m.checkValue(
        field,
        expected.asText().toLowerCase(Locale.ROOT),
        String.valueOf(value).toLowerCase(Locale.ROOT));
  }

  private static Map<String, Ikev2Sa> byTunnelId(List<Ikev2Sa> sas) {
    return sas.stream()
        .collect(
            Collectors.toMap(sa -> Long.toString(sa.tunnelId()), Function.identity(), (a, b) -> a));
  }
}
