package io.tunnelwatch.ios.model;

import java.util.OptionalInt;

/**
 * A {@code CPU utilization for five seconds: a%/b%; one minute: c%; five minutes: d%} line.
 *
 * @param fiveSecondsPercent total busy percentage over five seconds
 * @param fiveSecondsInterruptPercent the part spent at interrupt level, when shown
 * @param oneMinutePercent one-minute average
 * @param fiveMinutesPercent five-minute average
 */
public record CpuUtilization(
    int fiveSecondsPercent,
    OptionalInt fiveSecondsInterruptPercent,
    int oneMinutePercent,
    int fiveMinutesPercent) {}
