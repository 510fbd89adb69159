package io.tunnelwatch.lab;

import io.tunnelwatch.lab.snmp.SnmpUser;
import io.tunnelwatch.lab.snmp.TrapTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the lab's routers answer SNMP. Immutable; adjust {@link #defaults()} with the {@code with*}
 * methods.
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
    return new LabSnmpOptions(
        true, List.of(), "public", List.of(), List.of(), true, Duration.ofSeconds(1));
  }

  /** No SNMP agents at all. */
  public static LabSnmpOptions disabled() {
    return defaults().withEnabled(false);
  }

  public LabSnmpOptions withEnabled(boolean on) {
    return new LabSnmpOptions(
        on, ports, community, users, trapTargets, addressPerRouter, changeCheckInterval);
  }

  /** UDP ports in topology order (R1, R2, ...); 0 = any free port. */
  public LabSnmpOptions withPorts(List<Integer> newPorts) {
    return new LabSnmpOptions(
        enabled, newPorts, community, users, trapTargets, addressPerRouter, changeCheckInterval);
  }

  public LabSnmpOptions withCommunity(String newCommunity) {
    return new LabSnmpOptions(
        enabled, ports, newCommunity, users, trapTargets, addressPerRouter, changeCheckInterval);
  }

  public LabSnmpOptions withUser(SnmpUser user) {
    List<SnmpUser> all = new ArrayList<>(users);
    all.add(user);
    return new LabSnmpOptions(
        enabled, ports, community, all, trapTargets, addressPerRouter, changeCheckInterval);
  }

  public LabSnmpOptions withTrapTarget(TrapTarget target) {
    List<TrapTarget> all = new ArrayList<>(trapTargets);
    all.add(target);
    return new LabSnmpOptions(
        enabled, ports, community, users, all, addressPerRouter, changeCheckInterval);
  }

  public LabSnmpOptions withAddressPerRouter(boolean perRouter) {
    return new LabSnmpOptions(
        enabled, ports, community, users, trapTargets, perRouter, changeCheckInterval);
  }

  public LabSnmpOptions withChangeCheckInterval(Duration interval) {
    return new LabSnmpOptions(
        enabled, ports, community, users, trapTargets, addressPerRouter, interval);
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
}
