package io.tunnelwatch.agent.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.Evidence;

/** The webhook body: one event as a flat JSON object (see docs/notifications.md). */
final class EventJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EventJson() {}

  static String write(Event event) {
    ObjectNode node = JSON.createObjectNode();
    node.put("at", event.at().toString());
    node.put("device", event.device());
    node.put("kind", event.kind().wireName());
    node.put("status", event.status().name().toLowerCase(java.util.Locale.ROOT));
    node.put("severity", event.severity().label());
    node.put("subject", event.subject().key());
    event.subject().tunnel().ifPresent(t -> node.put("tunnel", t));
    event.subject().peer().ifPresent(p -> node.put("peer", p));
    event.subject().flow().ifPresent(f -> node.put("flow", f));
    node.put("condition", event.conditionKey());
    node.put("summary", event.summary());
    ArrayNode evidence = node.putArray("evidence");
    for (Evidence e : event.evidence()) {
      evidence.addObject().put("name", e.name()).put("before", e.before()).put("after", e.after());
    }
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("event cannot be written as JSON", e);
    }
  }
}
