package io.tunnelwatch.agent.http;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;

/** Lets POST through to the one endpoint that changes something; anything else is 405. */
final class PostOnly extends Filter {

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    if ("POST".equals(exchange.getRequestMethod())) {
      chain.doFilter(exchange);
      return;
    }
    exchange.getResponseHeaders().set("Allow", "POST");
    Responses.text(exchange, 405, "method not allowed; use POST\n");
  }

  @Override
  public String description() {
    return "POST only";
  }
}
