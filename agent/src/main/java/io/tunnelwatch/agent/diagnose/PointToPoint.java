package io.tunnelwatch.agent.diagnose;

import java.util.Optional;

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
    String[] octets = prefix.substring(0, slash).split("\\.");
    if (octets.length != 4 || (length != 30 && length != 31)) {
      return Optional.empty();
    }
    long address = 0;
    for (String octet : octets) {
      address = (address << 8) | Integer.parseInt(octet);
    }
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
    return Optional.of(
        ((far >> 24) & 255)
            + "."
            + ((far >> 16) & 255)
            + "."
            + ((far >> 8) & 255)
            + "."
            + (far & 255));
  }
}
