package io.tunnelwatch.agent.poll;

import java.util.concurrent.CompletionException;
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

  /**
   * What made a poll's future fail: the failure itself, or the one a stage wrapped in a {@link
   * CompletionException} on its way.
   */
  static Throwable causeOf(Throwable failure) {
    return failure instanceof CompletionException wrapped && wrapped.getCause() != null
        ? wrapped.getCause()
        : failure;
  }
}
