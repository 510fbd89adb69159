package io.tunnelwatch.agent.history;

import org.jspecify.annotations.Nullable;

/** The history store could not read or write; the message never contains credentials. */
public final class HistoryStoreException extends RuntimeException {

  public HistoryStoreException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
