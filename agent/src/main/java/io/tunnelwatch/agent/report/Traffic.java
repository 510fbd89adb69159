package io.tunnelwatch.agent.report;

import java.util.List;

/** Bytes through a tunnel or peer in the period, in total and per UTC day (for the charts). */
public record Traffic(long transmitBytes, long receiveBytes, List<DailyTraffic> days) {

  public static final Traffic NONE = new Traffic(0, 0, List.of());

  public Traffic {
    days = List.copyOf(days);
  }

  public long totalBytes() {
    return transmitBytes + receiveBytes;
  }
}
