package io.tunnelwatch.agent.alerting;

import org.jspecify.annotations.Nullable;

/**
 * A batch was not delivered. Retryable failures (no connection, 5xx, 429) stay in the outbox; a
 * rejection of the content (other 4xx) would be rejected again and is dropped with an error.
 */
public final class DeliveryException extends Exception {

  private final boolean retryable;

  public DeliveryException(String message, boolean retryable, @Nullable Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  public boolean retryable() {
    return retryable;
  }

  static DeliveryException forStatus(int status, String body) {
    boolean retryable = status >= 500 || status == 429 || status == 408;
    String excerpt = body.length() > 200 ? body.substring(0, 200) + "…" : body;
    return new DeliveryException(
        "HTTP " + status + (excerpt.isBlank() ? "" : ": " + excerpt.strip()), retryable, null);
  }
}
