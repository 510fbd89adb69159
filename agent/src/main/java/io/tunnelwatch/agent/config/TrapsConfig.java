package io.tunnelwatch.agent.config;

import java.util.List;

/**
 * The SNMP trap receiver. Notifications are accepted from configured devices only (by source
 * address) and open events at once; the next poll confirms or clears them.
 *
 * @param listen UDP {@code host:port} to bind, e.g. {@code 0.0.0.0:162}; absent: no receiver
 * @param auths names of SNMP credentials in {@code auths} whose communities and v3 users are
 *     accepted
 * @param perDeviceRate notifications per second taken from one device (bursts of ten seconds'
 *     worth); more are dropped and counted
 * @param rate notifications per second taken from all devices together, likewise
 */
public record TrapsConfig(String listen, List<String> auths, Integer perDeviceRate, Integer rate) {

  public static final int DEFAULT_PER_DEVICE_RATE = 10;
  public static final int DEFAULT_RATE = 500;
  public static final TrapsConfig NONE = new TrapsConfig(null, null);

  /** With the default rates. */
  public TrapsConfig(String listen, List<String> auths) {
    this(listen, auths, null, null);
  }

  public TrapsConfig {
    auths = auths == null ? List.of() : List.copyOf(auths);
    perDeviceRate = perDeviceRate == null ? DEFAULT_PER_DEVICE_RATE : perDeviceRate;
    rate = rate == null ? DEFAULT_RATE : rate;
  }

  public boolean enabled() {
    return listen != null;
  }
}
