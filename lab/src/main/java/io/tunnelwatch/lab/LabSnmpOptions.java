package io.tunnelwatch.lab;

import io.tunnelwatch.lab.snmp.SnmpUser;
import io.tunnelwatch.lab.snmp.TrapTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the lab's routers answer SNMP. Immutable; start from {@link #builder()} (or {@link
 * #defaults()}) and adjust a copy with {@link #toBuilder()}.
 *
 * @param enabled false starts no SNMP agents
 * @param ports UDP port per router in topology order; missing entries or 0 pick a free port
 * @param community the v2c read community; null disables v2c
 * @param users SNMPv3 users (authPriv)
 * @param trapTargets v2c trap receivers
 * @param addressPerRouter bind router k (0-based) to loopback address 127.0.0.(k+1), so that traps
 *     from different routers have different source addresses (R1 127.0.0.1, R2 127.0.0.2); false
 *     binds every agent to the lab's bind host
 * @param changeCheckInterval how often each router compares its state with the last one to send
 *     traps
 */
public record LabSnmpOptions(
    boolean enabled,
    List<Integer> ports,
    String community,
    List<SnmpUser> users,
    List<TrapTarget> trapTargets,
    boolean addressPerRouter,
    Duration changeCheckInterval) {

  public LabSnmpOptions {
    ports = List.copyOf(ports);
    users = List.copyOf(users);
    trapTargets = List.copyOf(trapTargets);
    Objects.requireNonNull(changeCheckInterval, "changeCheckInterval");
    if (changeCheckInterval.isNegative() || changeCheckInterval.isZero()) {
      throw new IllegalArgumentException(
          "changeCheckInterval must be positive, got " + changeCheckInterval);
    }
  }

  /** Enabled, free ports, community {@code public}, no v3 users, no trap targets, 1 s checks. */
  public static LabSnmpOptions defaults() {
    return builder().build();
  }

  /** No SNMP agents at all. */
  public static LabSnmpOptions disabled() {
    return builder().enabled(false).build();
  }

  /** A builder holding {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these options, to change some of them. */
  public Builder toBuilder() {
    Builder b =
        new Builder()
            .enabled(enabled)
            .ports(ports)
            .community(community)
            .addressPerRouter(addressPerRouter)
            .changeCheckInterval(changeCheckInterval);
    users.forEach(b::user);
    trapTargets.forEach(b::trapTarget);
    return b;
  }

  /** The port for the router at {@code position} (0-based) in topology order. */
  int port(int position) {
    return position < ports.size() ? ports.get(position) : 0;
  }

  @Override
  public String toString() {
    return "LabSnmpOptions[enabled="
        + enabled
        + ", ports="
        + ports
        + ", v2c="
        + (community != null)
        + ", users="
        + users
        + ", trapTargets="
        + trapTargets
        + ", addressPerRouter="
        + addressPerRouter
        + ", changeCheckInterval="
        + changeCheckInterval
        + "]";
  }

  /** Collects SNMP options; starts from {@link #defaults()}. Not thread-safe. */
  public static final class Builder {
    private boolean enabled = true;
    private List<Integer> ports = List.of();
    private String community = "public";
    private final List<SnmpUser> users = new ArrayList<>();
    private final List<TrapTarget> trapTargets = new ArrayList<>();
    private boolean addressPerRouter = true;
    private Duration changeCheckInterval = Duration.ofSeconds(1);

    private Builder() {}

    public Builder enabled(boolean on) {
      this.enabled = on;
      return this;
    }

    /** UDP ports in topology order (R1, R2, ...); 0 = any free port. */
    public Builder ports(List<Integer> newPorts) {
      this.ports = List.copyOf(newPorts);
      return this;
    }

    public Builder community(String newCommunity) {
      this.community = newCommunity;
      return this;
    }

    /** Adds one SNMPv3 user to those already set. */
    public Builder user(SnmpUser user) {
      users.add(user);
      return this;
    }

    /** Adds one trap receiver to those already set. */
    public Builder trapTarget(TrapTarget target) {
      trapTargets.add(target);
      return this;
    }

    public Builder addressPerRouter(boolean perRouter) {
      this.addressPerRouter = perRouter;
      return this;
    }

    public Builder changeCheckInterval(Duration interval) {
      this.changeCheckInterval = interval;
      return this;
    }

    public LabSnmpOptions build() {
      return new LabSnmpOptions(
          enabled, ports, community, users, trapTargets, addressPerRouter, changeCheckInterval);
    }
  }
}
