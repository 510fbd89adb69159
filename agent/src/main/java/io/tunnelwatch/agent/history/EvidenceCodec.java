package io.tunnelwatch.agent.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunnelwatch.agent.events.Evidence;
import java.util.List;

/** Evidence is kept as one JSON array per event: it is read with its event, never queried. */
final class EvidenceCodec {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Evidence>> LIST = new TypeReference<>() {};

  private EvidenceCodec() {}

  static String encode(List<Evidence> evidence) {
    try {
      return JSON.writeValueAsString(evidence);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("evidence cannot be written as JSON", e);
    }
  }

  static List<Evidence> decode(String json) {
    try {
      return JSON.readValue(json, LIST);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "stored evidence is not a JSON array of {name, before, after}", e);
    }
  }
}
