package io.tunnelwatch.agent.report;

import java.time.Duration;
import java.util.Objects;

/**
 * The SA lifetimes that explain rekeys. The history does not store lifetimes, so reports take them
 * from the operator; the defaults are the IOS defaults (ISAKMP 86400 s, IPsec 3600 s).
 */
public record RekeyPolicy(Duration ikeLifetime, Duration ipsecLifetime) {

  public static final RekeyPolicy IOS_DEFAULTS =
      new RekeyPolicy(Duration.ofDays(1), Duration.ofHours(1));

  public RekeyPolicy {
    Objects.requireNonNull(ikeLifetime, "ikeLifetime");
    Objects.requireNonNull(ipsecLifetime, "ipsecLifetime");
    if (ikeLifetime.isNegative() || ikeLifetime.isZero()) {
      throw new IllegalArgumentException("expected a positive IKE lifetime, got " + ikeLifetime);
    }
    if (ipsecLifetime.isNegative() || ipsecLifetime.isZero()) {
      throw new IllegalArgumentException(
          "expected a positive IPsec lifetime, got " + ipsecLifetime);
    }
  }
}
