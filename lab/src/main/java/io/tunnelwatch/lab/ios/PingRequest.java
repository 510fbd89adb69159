package io.tunnelwatch.lab.ios;

import java.util.Optional;

/**
 * A parsed {@code ping A.B.C.D [source IF|A.B.C.D] [repeat N] [timeout S] [size N]}.
 *
 * @param target the address to ping, dotted quad
 * @param sourceInterface the full name of the interface given after {@code source}
 * @param sourceAddress the address given after {@code source}
 * @param timeoutSeconds how long each echo would wait; the lab answers at once
 * @param size datagram size in bytes
 */
public record PingRequest(
    String target,
    Optional<String> sourceInterface,
    Optional<String> sourceAddress,
    int repeat,
    int timeoutSeconds,
    int size) {

  public static final int DEFAULT_REPEAT = 5;
  public static final int DEFAULT_TIMEOUT_SECONDS = 2;
  public static final int DEFAULT_SIZE = 100;

  /** True when a {@code source} keyword was given, which makes IOS print the source line. */
  public boolean hasSource() {
    return sourceInterface.isPresent() || sourceAddress.isPresent();
  }
}
