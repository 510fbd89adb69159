package io.tunnelwatch.agent.http.security;

import com.sun.net.httpserver.Authenticator;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * What the HTTP server applies from a checked web configuration.
 *
 * @param tls serve HTTPS with this context and these parameters; empty: plain HTTP
 * @param authenticator asked for every request but those left open; empty: no authentication
 */
public record WebSecurity(Optional<Tls> tls, Optional<Authenticator> authenticator) {

  /** Plain HTTP, no authentication: the agent without {@code --web.config.file}. */
  public static final WebSecurity NONE = new WebSecurity(Optional.empty(), Optional.empty());

  /**
   * @param parameters the protocols allowed and whether a client certificate is asked for
   */
  public record Tls(SSLContext context, SSLParameters parameters) {}
}
