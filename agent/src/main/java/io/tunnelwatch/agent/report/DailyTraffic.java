package io.tunnelwatch.agent.report;

import java.time.LocalDate;

/** Bytes moved on one UTC day. */
public record DailyTraffic(LocalDate day, long transmitBytes, long receiveBytes) {}
