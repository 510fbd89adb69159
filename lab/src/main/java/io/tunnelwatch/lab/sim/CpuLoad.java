package io.tunnelwatch.lab.sim;

/**
 * CPU utilisation as {@code show processes cpu} reports it, in whole percent.
 *
 * @param fiveSecondInterrupt the part of the five-second figure spent at interrupt level
 */
public record CpuLoad(int fiveSecond, int fiveSecondInterrupt, int oneMinute, int fiveMinute) {}
