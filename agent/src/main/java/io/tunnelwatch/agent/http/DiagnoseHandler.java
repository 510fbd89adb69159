package io.tunnelwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.tunnelwatch.agent.diagnose.DiagnoseService;
import io.tunnelwatch.agent.diagnose.Diagnosis;
import io.tunnelwatch.agent.diagnose.DiagnosisJson;
import io.tunnelwatch.agent.http.status.DiagnosePage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /diagnose?target=DEVICE[&peer=ADDRESS]}: the diagnosis of one configured device, as HTML,
 * or as JSON when the client accepts {@code application/json}. A diagnosis logs in to routers and
 * takes seconds, so at most one runs per device and {@link #MAX_RUNNING} in all; more are refused
 * with 429 at once rather than queued on the HTTP workers that scrapes need.
 */
final class DiagnoseHandler implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(DiagnoseHandler.class);

  static final int MAX_RUNNING = 2;

  private final DiagnoseService service;
  private final Set<String> running = ConcurrentHashMap.newKeySet();
  private final Semaphore slots = new Semaphore(MAX_RUNNING);

  DiagnoseHandler(DiagnoseService service) {
    this.service = service;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String query = exchange.getRequestURI().getRawQuery();
    List<String> targets;
    List<String> peers;
    try {
      targets = ProbeHandler.queryParameters(query, "target");
      peers = ProbeHandler.queryParameters(query, "peer");
    } catch (IllegalArgumentException e) {
      Responses.text(exchange, 400, "malformed query string\n");
      return;
    }
    if (targets.size() != 1 || targets.get(0).isBlank() || peers.size() > 1) {
      Responses.text(
          exchange,
          400,
          "give exactly one query parameter 'target' (a configured device name) and at most one"
              + " 'peer' (a public address)\n");
      return;
    }
    String device = targets.get(0);
    if (!running.add(device)) {
      busy(exchange, "a diagnosis of this device is already running\n");
      return;
    }
    try {
      if (!slots.tryAcquire()) {
        busy(exchange, MAX_RUNNING + " diagnoses are already running\n");
        return;
      }
      try {
        respond(exchange, service.diagnose(device, peers.stream().findFirst()));
      } finally {
        slots.release();
      }
    } catch (IllegalArgumentException e) {
      Responses.text(exchange, 404, e.getMessage() + "\n");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Responses.text(exchange, 503, "the agent is stopping\n");
    } catch (RuntimeException e) {
      LOG.error("diagnose {} failed unexpectedly: {}", device, e.toString());
      Responses.text(exchange, 500, "the diagnosis failed; the agent log says why\n");
    } finally {
      running.remove(device);
    }
  }

  private static void busy(HttpExchange exchange, String why) throws IOException {
    exchange.getResponseHeaders().set("Retry-After", "10");
    Responses.text(exchange, 429, why);
  }

  private static void respond(HttpExchange exchange, Diagnosis diagnosis) throws IOException {
    Optional<String> accept = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Accept"));
    if (accept.map(a -> a.contains("application/json")).orElse(false)) {
      Responses.send(exchange, 200, "application/json", DiagnosisJson.write(diagnosis));
    } else {
      Responses.html(exchange, 200, DiagnosePage.render(diagnosis));
    }
  }
}
