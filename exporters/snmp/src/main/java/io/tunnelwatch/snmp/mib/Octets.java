package io.tunnelwatch.snmp.mib;

import java.util.OptionalLong;

/** Octet counters: the 64-bit column, or the 32-bit one plus its wrap count. */
final class Octets {

  private Octets() {}

  /**
   * The HC column when present; otherwise {@code wraps * 2^32 + low} when both are present (the
   * MIB's own way of extending the 32-bit counter); otherwise empty with a warning.
   */
  static OptionalLong highCapacity(MibRow row, int hc, int low, int wraps, String hcName) {
    if (row.has(hc)) {
      return row.unsigned(hc, hcName);
    }
    if (row.has(low) && row.has(wraps)) {
      OptionalLong l = row.unsigned(low, hcName.replace("Hc", ""));
      OptionalLong w = row.unsigned(wraps, hcName.replace("Hc", "").replace("Octets", "OctWraps"));
      if (l.isPresent() && w.isPresent()) {
        return OptionalLong.of((w.getAsLong() << 32) + l.getAsLong());
      }
      return OptionalLong.empty();
    }
    row.warn(hcName + " (." + hc + ") missing and no 32-bit octets with wrap count to use");
    return OptionalLong.empty();
  }
}
