package io.tunnelwatch.core.model;

import java.time.Instant;
import java.util.Optional;

/**
 * Something a device told the agent on its own (an SNMP notification), between two polls. It opens
 * an event at once; the next poll confirms or clears it.
 *
 * @param device the configured device the notification came from
 * @param receivedAt when the agent received it
 * @param kind what happened
 * @param peer the remote IKE address it concerns, when the notification carries it
 * @param tunnel the interface name it concerns (link up/down), when known
 * @param detail a short human-readable rendering of the notification's varbinds (no secrets)
 */
public record Observation(
    String device,
    Instant receivedAt,
    ObservationKind kind,
    Optional<String> peer,
    Optional<String> tunnel,
    String detail) {}
