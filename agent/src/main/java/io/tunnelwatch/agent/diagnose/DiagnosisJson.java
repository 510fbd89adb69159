package io.tunnelwatch.agent.diagnose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** A diagnosis as JSON, for {@code --format json} and {@code /diagnose} with JSON accepted. */
public final class DiagnosisJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DiagnosisJson() {}

  public static String write(Diagnosis diagnosis) {
    ObjectNode root = JSON.createObjectNode();
    root.put("device", diagnosis.device());
    root.put("at", diagnosis.at().toString());
    root.put("healthy", diagnosis.healthy());
    ArrayNode tunnels = root.putArray("tunnels");
    for (TunnelDiagnosis tunnel : diagnosis.tunnels()) {
      ObjectNode t = tunnels.addObject();
      tunnel.tunnel().ifPresent(name -> t.put("tunnel", name));
      t.put("peer", tunnel.peer());
      t.put("verdict", tunnel.healthy() ? "healthy" : "failing");
      tunnel.failing().ifPresent(f -> t.put("failing_rung", f.rung().id()));
      tunnel.otherEnd().ifPresent(end -> t.put("other_end", end));
      ArrayNode rungs = t.putArray("rungs");
      for (RungResult rung : tunnel.rungs()) {
        ObjectNode r = rungs.addObject();
        r.put("rung", rung.rung().number());
        r.put("name", rung.rung().id());
        r.put("status", rung.status().id());
        r.put("summary", rung.summary());
        strings(r.putArray("evidence"), rung.evidence());
        rung.cause().ifPresent(c -> r.put("cause", c));
        rung.nextCheck().ifPresent(n -> r.put("next_check", n));
      }
      ArrayNode mirror = t.putArray("mirror");
      for (MirrorFinding finding : tunnel.mirror()) {
        ObjectNode m = mirror.addObject();
        m.put("topic", finding.topic().name().toLowerCase(java.util.Locale.ROOT));
        m.put("summary", finding.summary());
        ArrayNode ends = m.putArray("ends");
        ObjectNode own = ends.addObject().put("device", diagnosis.device());
        strings(own.putArray("lines"), finding.linesA());
        ObjectNode other = ends.addObject().put("device", tunnel.otherEnd().orElse(tunnel.peer()));
        strings(other.putArray("lines"), finding.linesB());
      }
    }
    ArrayNode audit = root.putArray("audit");
    for (AuditFinding finding : diagnosis.audit()) {
      ObjectNode a = audit.addObject();
      a.put("level", finding.level());
      a.put("item", finding.item());
      a.put("reason", finding.reason());
      a.put("line", finding.line());
    }
    strings(root.putArray("notes"), diagnosis.notes());
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a diagnosis cannot be written as JSON", e);
    }
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}
