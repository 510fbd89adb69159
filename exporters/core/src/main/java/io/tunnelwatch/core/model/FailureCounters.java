package io.tunnelwatch.core.model;

import java.util.OptionalLong;

/**
 * Device-wide counts of failed negotiations since boot, as the device keeps them (SNMP's {@code
 * cikeGlobalStats} / {@code cipSecGlobalStats}); empty where the source does not read them.
 *
 * @param phase1 failed IKE negotiations (initiator and responder tunnel failures, authentication
 *     failures, no-SA failures)
 * @param phase2 failed IPsec negotiations (protocol use, authentication, decrypt and setup
 *     failures)
 */
public record FailureCounters(OptionalLong phase1, OptionalLong phase2) {
  public static final FailureCounters NONE =
      new FailureCounters(OptionalLong.empty(), OptionalLong.empty());
}
