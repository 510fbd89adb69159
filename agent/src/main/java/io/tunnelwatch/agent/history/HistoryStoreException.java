package io.tunnelwatch.agent.history;

/** The history store could not read or write; the message never contains credentials. */
public final class HistoryStoreException extends RuntimeException {

  public HistoryStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
