package io.tunnelwatch.snmp;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Between the asynchronous requests of {@link SnmpClient} and callers that want an answer or an
 * {@link SnmpException}: the futures of this package fail with an {@code SnmpException}, possibly
 * wrapped in a {@link CompletionException} by the stage that passed it on.
 */
public final class SnmpFutures {

  private SnmpFutures() {}

  /**
   * Waits for {@code future}; every request it stands for is bounded by its target's timeout and
   * retries, and every walk by its limits, so the wait is too.
   *
   * @throws SnmpException the failure the future completed with
   */
  public static <T> T join(CompletableFuture<T> future) throws SnmpException {
    try {
      return future.join();
    } catch (CompletionException | CancellationException e) {
      throw asSnmpException(e);
    }
  }

  /** The {@link SnmpException} behind a future's failure; anything else is a bug, rethrown. */
  public static SnmpException asSnmpException(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof SnmpException e) {
      return e;
    }
    if (cause instanceof RuntimeException e) {
      throw e;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException("an SNMP request failed unexpectedly", cause);
  }
}
