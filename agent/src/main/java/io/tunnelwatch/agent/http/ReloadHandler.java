package io.tunnelwatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code POST /-/reload}: reloads the configuration and answers when it is done, as Prometheus
 * does: 200, or 500 with what was wrong. Only POST gets here ({@link PostOnly}).
 */
final class ReloadHandler implements HttpHandler {

  /** Well inside the HTTP server's 30 s response time limit. */
  private static final Duration WAIT = Duration.ofSeconds(25);

  private final ConfigReload reload;

  ReloadHandler(ConfigReload reload) {
    this.reload = reload;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    // The body means nothing here; drained in constant memory so the connection can be reused.
    exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
    ConfigReload.Result result;
    try {
      result = reload.start().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      Responses.text(exchange, 503, "the reload is still running; see the agent's log\n");
      return;
    } catch (ExecutionException e) {
      result = new ConfigReload.Result(false, "the reload failed: " + e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Responses.text(exchange, 503, "interrupted while waiting for the reload\n");
      return;
    }
    if (result.success()) {
      Responses.text(exchange, 200, result.message() + "\n");
    } else {
      Responses.text(exchange, 500, "failed to reload config: " + result.message() + "\n");
    }
  }
}
