package io.tunnelwatch.lab.snmp;

import java.util.Objects;

/**
 * Where the lab's routers send SNMPv2c notifications.
 *
 * @param community sent with every trap; never shown by {@link #toString()}
 */
public record TrapTarget(String host, int port, String community) {
  public TrapTarget {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(community, "community");
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("trap target port must be 1..65535, got " + port);
    }
  }

  @Override
  public String toString() {
    return "TrapTarget[" + host + ":" + port + "]";
  }
}
