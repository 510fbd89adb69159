package io.tunnelwatch.ios.transport;

import org.jspecify.annotations.Nullable;

/** A failure of the SSH transport, with a reason that is safe to log (it never holds secrets). */
public class CliException extends Exception {

  private final Kind kind;

  public CliException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public CliException(Kind kind, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  /** What went wrong, coarse enough to become a metric label. */
  public Kind kind() {
    return kind;
  }

  /** Failure classes; their lower-case names are the {@code reason} label of failure counters. */
  public enum Kind {
    CONNECT,
    HOST_KEY_REJECTED,
    AUTHENTICATION,
    TIMEOUT,
    /** The device printed more than the configured bound; the session was closed. */
    OUTPUT_TOO_LARGE,
    DISCONNECTED,
    PROTOCOL
  }
}
