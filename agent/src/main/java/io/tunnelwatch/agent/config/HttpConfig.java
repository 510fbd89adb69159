package io.tunnelwatch.agent.config;

import java.util.Objects;

/**
 * @param listen {@code host:port} the HTTP server binds to
 */
public record HttpConfig(String listen) {

  public static final String DEFAULT_LISTEN = "127.0.0.1:9417";
  public static final HttpConfig DEFAULT = new HttpConfig(DEFAULT_LISTEN);

  public HttpConfig {
    listen = Objects.requireNonNullElse(listen, DEFAULT_LISTEN);
  }
}
