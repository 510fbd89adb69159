package io.tunnelwatch.agent.alerting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One JSON POST, with the outcome sorted into delivered, retry later, or rejected. */
final class HttpPoster {

  private final HttpClient http;
  private final Duration timeout;

  HttpPoster(HttpClient http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  void postJson(URI target, String json) throws DeliveryException {
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("User-Agent", "tunnelwatch")
            .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DeliveryException(
          "no response: "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
          true,
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryException("interrupted", true, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw DeliveryException.forStatus(response.statusCode(), response.body());
    }
  }
}
