package io.tunnelwatch.snmp.mib;

import java.util.OptionalInt;

/** The {@code TunnelStatus} textual convention of CISCO-IPSEC-FLOW-MONITOR-MIB. */
final class TunnelStatusNames {

  static final int ACTIVE = 1;
  static final int DESTROY = 2;

  private TunnelStatusNames() {}

  static String name(OptionalInt status) {
    if (status.isEmpty()) {
      return "unknown";
    }
    switch (status.getAsInt()) {
      case ACTIVE:
        return "active";
      case DESTROY:
        return "destroy";
      default:
        return "status(" + status.getAsInt() + ")";
    }
  }
}
