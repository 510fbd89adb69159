package io.tunnelwatch.agent.config;

import java.util.List;

/**
 * The SNMP trap receiver. Notifications are accepted from configured devices only (by source
 * address) and open events at once; the next poll confirms or clears them.
 *
 * @param listen UDP {@code host:port} to bind, e.g. {@code 0.0.0.0:162}; absent: no receiver
 * @param auths names of SNMP credentials in {@code auths} whose communities and v3 users are
 *     accepted
 */
public record TrapsConfig(String listen, List<String> auths) {

  public static final TrapsConfig NONE = new TrapsConfig(null, null);

  public TrapsConfig {
    auths = auths == null ? List.of() : List.copyOf(auths);
  }

  public boolean enabled() {
    return listen != null;
  }
}
