package io.tunnelwatch.core.model;

import java.time.Duration;
import java.util.Optional;

/**
 * One failure record a device holds (a row of {@code cikeFailTable} or {@code cipSecFailTable}).
 *
 * @param phase phase 1 (IKE) or phase 2 (IPsec)
 * @param id the device's index of the record; it grows with every new failure, so a record seen
 *     before is recognised
 * @param peer the remote address the failure concerns, empty when the device does not say
 * @param reason the failure reason as the MIB names it, e.g. {@code peerAuthFailed}
 * @param atUptime the device's uptime when it happened, when known
 */
public record SaFailure(
    FailurePhase phase,
    long id,
    Optional<String> peer,
    String reason,
    Optional<Duration> atUptime) {}
