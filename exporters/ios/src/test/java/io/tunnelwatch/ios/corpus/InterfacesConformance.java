package io.tunnelwatch.ios.corpus;

import static io.tunnelwatch.ios.corpus.CryptoSessionConformance.fields;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunnelwatch.ios.model.InterfaceStatistics;
import io.tunnelwatch.ios.model.InterfaceStatus;
import io.tunnelwatch.ios.model.TunnelSettings;
import io.tunnelwatch.ios.parse.InterfacesParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Genie's {@code <if>/...} entries against ours. */
final class InterfacesConformance {

  private InterfacesConformance() {}

  static void compare(JsonNode expected, String raw, Mismatches m) {
    List<InterfaceStatus> interfaces = InterfacesParser.parse(raw).value();
    m.checkValue("interface count", Integer.toString(expected.size()), interfaces.size());
    for (Map.Entry<String, JsonNode> entry : fields(expected)) {
      String name = entry.getKey();
      Optional<InterfaceStatus> found =
          // upstream canonicalises names (ucse1/0/0 becomes Ucse1/0/0); we keep IOS's spelling
          interfaces.stream().filter(i -> i.name().equalsIgnoreCase(name)).findFirst();
      if (found.isEmpty()) {
        m.missing(name);
        continue;
      }
      InterfaceStatus i = found.get();
      JsonNode e = entry.getValue();
      String f = name + " ";
      m.check(f + "line_protocol", e.get("line_protocol"), i.lineProtocol());
      m.check(f + "enabled", e.get("enabled"), i.enabled());
      // upstream's oper_status is the line protocol state, not the first status word
      m.check(f + "oper_status", e.get("oper_status"), i.lineProtocol());
      m.check(f + "mtu", e.get("mtu"), i.mtu());
      m.check(f + "description", e.get("description"), i.description());
      JsonNode ipv4 = e.path("ipv4");
      if (ipv4.size() > 0 && !ipv4.has("unnumbered")) {
        // the first Internet address is the primary one; secondaries follow in genie's map
        String want = ipv4.fieldNames().next();
        m.checkValue(f + "ipv4", want, i.internetAddress());
      }
      InterfaceStatistics s = i.statistics();
      JsonNode c = e.path("counters");
      m.check(f + "in_pkts", c.get("in_pkts"), s.inputPackets());
      m.check(f + "in_octets", c.get("in_octets"), s.inputBytes());
      m.check(f + "in_errors", c.get("in_errors"), s.inputErrors());
      m.check(f + "out_pkts", c.get("out_pkts"), s.outputPackets());
      m.check(f + "out_octets", c.get("out_octets"), s.outputBytes());
      m.check(f + "out_errors", c.get("out_errors"), s.outputErrors());
      JsonNode q = e.path("queues");
      m.check(f + "input_queue_drops", q.get("input_queue_drops"), s.inputQueueDrops());
      m.check(f + "input_queue_flushes", q.get("input_queue_flushes"), s.inputQueueFlushes());
      m.check(f + "total_output_drop", q.get("total_output_drop"), s.totalOutputDrops());
      Optional<TunnelSettings> t = i.tunnel();
      m.check(
          f + "tunnel_source_ip",
          e.get("tunnel_source_ip"),
          t.flatMap(TunnelSettings::sourceAddress));
      m.check(
          f + "tunnel_source_interface",
          e.get("tunnel_source_interface"),
          t.flatMap(TunnelSettings::sourceInterface));
      m.check(
          f + "tunnel_destination_ip",
          e.get("tunnel_destination_ip"),
          t.flatMap(TunnelSettings::destination));
      m.check(
          f + "tunnel_protocol", e.get("tunnel_protocol"), t.flatMap(TunnelSettings::transport));
      m.check(
          f + "tunnel_transport_mtu",
          e.get("tunnel_transport_mtu"),
          t.map(
              x ->
                  x.transportMtu().isPresent()
                      ? Integer.toString(x.transportMtu().getAsInt())
                      : "<absent>"));
    }
  }
}
