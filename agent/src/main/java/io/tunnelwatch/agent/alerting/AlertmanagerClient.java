package io.tunnelwatch.agent.alerting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/** Posts alerts to one Alertmanager through its v2 API ({@code POST /api/v2/alerts}). */
public final class AlertmanagerClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI alertsUri;
  private final HttpPoster poster;

  /**
   * @param baseUrl Alertmanager's address, e.g. {@code http://127.0.0.1:9093} (a path prefix such
   *     as {@code /alertmanager} is kept)
   */
  public AlertmanagerClient(URI baseUrl, HttpClient http, Duration timeout) {
    String base = baseUrl.toString();
    this.alertsUri = URI.create((base.endsWith("/") ? base : base + "/") + "api/v2/alerts");
    this.poster = new HttpPoster(http, timeout);
  }

  /** Sends the alerts; returns once Alertmanager accepted them. */
  public void post(List<Alert> alerts) throws DeliveryException {
    poster.postJson(alertsUri, toJson(alerts));
  }

  static String toJson(List<Alert> alerts) {
    ArrayNode array = JSON.createArrayNode();
    for (Alert alert : alerts) {
      ObjectNode node = array.addObject();
      ObjectNode labels = node.putObject("labels");
      alert.labels().forEach(labels::put);
      ObjectNode annotations = node.putObject("annotations");
      alert.annotations().forEach(annotations::put);
      node.put("generatorURL", alert.generatorUrl());
      node.put("startsAt", alert.startsAt().toString());
      alert.endsAt().ifPresent(end -> node.put("endsAt", end.toString()));
    }
    try {
      return JSON.writeValueAsString(array);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("alerts cannot be written as JSON", e);
    }
  }
}
