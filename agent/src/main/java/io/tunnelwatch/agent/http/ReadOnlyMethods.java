package io.tunnelwatch.agent.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/**
 * Lets GET and HEAD through to the read-only endpoints; anything else is 405 with {@code Allow}.
 */
final class ReadOnlyMethods extends Filter {

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    String method = exchange.getRequestMethod();
    if ("GET".equals(method) || "HEAD".equals(method)) {
      chain.doFilter(exchange);
      return;
    }
    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
    Responses.text(exchange, 405, "method not allowed; use GET or HEAD\n");
  }

  @Override
  public String description() {
    return "GET and HEAD only";
  }
}
