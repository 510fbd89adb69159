package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.ObjectRef;
import java.time.Instant;

/**
 * One stretch of a condition (stall, one-way traffic, unreachable, ...) from its opening to its
 * resolution. A condition resolved without a recorded opening began before the data read; one still
 * open ends at the end of the data.
 */
record Episode(ObjectRef subject, EventKind kind, Instant from, Instant to) {}
