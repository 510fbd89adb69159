package io.tunnelwatch.core.metrics;

import io.tunnelwatch.core.model.Source;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How the latest poll of one device over one source went.
 *
 * @param up the latest poll succeeded
 * @param lastSuccess when a poll over this source last succeeded
 * @param lastPollDuration how long the latest poll took, successful or not
 */
public record SourceHealth(
    Source source, boolean up, Optional<Instant> lastSuccess, Duration lastPollDuration) {}
