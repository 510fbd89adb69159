package io.tunnelwatch.agent.poll;

import org.jspecify.annotations.Nullable;

/**
 * A poll that produced no usable snapshot.
 *
 * @see #reason()
 */
public final class PollException extends Exception {

  private final String reason;

  /**
   * @param reason short stable word for metrics, e.g. {@code timeout}, {@code authentication}
   * @param message what failed, safe to log (never holds secrets)
   */
  public PollException(String reason, @Nullable String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
