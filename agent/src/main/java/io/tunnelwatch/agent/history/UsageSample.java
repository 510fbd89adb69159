package io.tunnelwatch.agent.history;

import io.tunnelwatch.agent.events.ObjectRef;
import java.time.Instant;

/**
 * Traffic through one tunnel or flow as of one poll, as the agent's monotonic (stitched) totals.
 * The store keeps hourly deltas, not every sample.
 */
public record UsageSample(
    Instant at, ObjectRef subject, long transmitBytesTotal, long receiveBytesTotal) {}
