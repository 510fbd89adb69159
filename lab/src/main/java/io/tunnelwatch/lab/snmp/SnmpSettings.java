package io.tunnelwatch.lab.snmp;

import java.util.List;
import java.util.Objects;

/**
 * How one router's SNMP agent listens and whom it answers.
 *
 * @param host address the agent binds; traps leave from it too, so receivers can tell routers apart
 * @param port UDP port; 0 picks a free one
 * @param community the read community for SNMPv2c; null disables v2c
 * @param users SNMPv3 users (authPriv only)
 * @param trapTargets SNMPv2c trap receivers
 */
public record SnmpSettings(
    String host, int port, String community, List<SnmpUser> users, List<TrapTarget> trapTargets) {
  public SnmpSettings {
    Objects.requireNonNull(host, "host");
    users = List.copyOf(users);
    trapTargets = List.copyOf(trapTargets);
  }

  @Override
  public String toString() {
    return "SnmpSettings["
        + host
        + ":"
        + port
        + ", v2c="
        + (community != null)
        + ", users="
        + users
        + ", trapTargets="
        + trapTargets
        + "]";
  }
}
