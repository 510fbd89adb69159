package io.tunnelwatch.snmp.trap;

import io.tunnelwatch.core.Redaction;
import io.tunnelwatch.snmp.SnmpCredentials;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * Where to listen and whom to believe.
 *
 * @param listen UDP address to bind, e.g. {@code 0.0.0.0:162} (port 0: any free port)
 * @param communities the v1/v2c communities accepted; never printed
 * @param users the SNMPv3 users accepted, with any engine ID (their keys are localised for the
 *     sending router's engine)
 * @param perDevice how many notifications one device may send
 * @param total how many notifications the receiver takes from all devices together
 */
public record TrapReceiverConfig(
    InetSocketAddress listen,
    List<String> communities,
    List<SnmpCredentials.UsmUser> users,
    TrapRateLimit perDevice,
    TrapRateLimit total) {

  /** With the default rate limits. */
  public TrapReceiverConfig(
      InetSocketAddress listen, List<String> communities, List<SnmpCredentials.UsmUser> users) {
    this(listen, communities, users, TrapRateLimit.PER_DEVICE, TrapRateLimit.TOTAL);
  }

  public TrapReceiverConfig {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(perDevice, "perDevice");
    Objects.requireNonNull(total, "total");
    communities = List.copyOf(communities);
    users = List.copyOf(users);
    if (communities.isEmpty() && users.isEmpty()) {
      throw new IllegalArgumentException(
          "expected at least one trap community or SNMPv3 user; none would accept every trap");
    }
    if (communities.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("expected non-empty trap communities");
    }
  }

  @Override
  public String toString() {
    return "TrapReceiverConfig[listen="
        + listen
        + ", communities="
        + communities.size()
        + " "
        + Redaction.REDACTED
        + ", users="
        + users
        + ", perDevice="
        + perDevice
        + ", total="
        + total
        + "]";
  }
}
