package io.tunnelwatch.agent.diagnose;

import io.tunnelwatch.ios.config.Ipv4;
import java.util.Optional;
import java.util.OptionalLong;

/** The far address of a point-to-point IPv4 subnet, the only case where it follows from ours. */
final class PointToPoint {

  private PointToPoint() {}

  /** {@code 10.0.0.1/30} → {@code 10.0.0.2}; {@code 10.0.0.0/31} → {@code 10.0.0.1}; else empty. */
  static Optional<String> farAddress(String prefix) {
    int slash = prefix.indexOf('/');
    if (slash < 0 || !AllowedCommand.isAddress(prefix.substring(0, slash))) {
      return Optional.empty();
    }
    int length;
    try {
      length = Integer.parseInt(prefix.substring(slash + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    OptionalLong parsed = Ipv4.parse(prefix.substring(0, slash));
    if (parsed.isEmpty() || (length != 30 && length != 31)) {
      return Optional.empty();
    }
    long address = parsed.getAsLong();
    long far;
    if (length == 31) {
      far = address ^ 1;
    } else {
      long host = address & 3;
      if (host == 0 || host == 3) {
        return Optional.empty();
      }
      far = (address & ~3L) | (host == 1 ? 2 : 1);
    }
    return Optional.of(Ipv4.format(far));
  }
}
