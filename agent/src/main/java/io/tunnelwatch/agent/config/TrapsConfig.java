package io.tunnelwatch.agent.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SNMP trap receiver. Notifications are accepted from configured devices only (by source
 * address) and open events at once; the next poll confirms or clears them.
 *
 * @param listen UDP {@code host:port} to bind, e.g. {@code 0.0.0.0:162}; empty: no receiver
 * @param auths names of SNMP credentials in {@code auths} whose communities and v3 users are
 *     accepted
 * @param perDeviceRate notifications per second taken from one device (bursts of ten seconds'
 *     worth); more are dropped and counted
 * @param rate notifications per second taken from all devices together, likewise
 */
public record TrapsConfig(
    Optional<String> listen, List<String> auths, Integer perDeviceRate, Integer rate) {

  public static final int DEFAULT_PER_DEVICE_RATE = 10;
  public static final int DEFAULT_RATE = 500;
  public static final TrapsConfig NONE =
      new TrapsConfig(Optional.empty(), List.of(), DEFAULT_PER_DEVICE_RATE, DEFAULT_RATE);

  /** A receiver on {@code listen} with the default rates. */
  public TrapsConfig(String listen, List<String> auths) {
    this(Optional.of(listen), auths, DEFAULT_PER_DEVICE_RATE, DEFAULT_RATE);
  }

  // Jackson passes null for a key the YAML leaves out: empty or the default, resolved here.
  public TrapsConfig {
    listen = Objects.requireNonNullElse(listen, Optional.empty());
    auths = auths == null ? List.of() : List.copyOf(auths);
    perDeviceRate = Objects.requireNonNullElse(perDeviceRate, DEFAULT_PER_DEVICE_RATE);
    rate = Objects.requireNonNullElse(rate, DEFAULT_RATE);
  }

  public boolean enabled() {
    return listen.isPresent();
  }
}
