package io.tunnelwatch.core.model;

import java.util.OptionalLong;

/** Interface counters since the router last cleared them; empty where the source lacks one. */
public record InterfaceCounters(
    OptionalLong receivePackets,
    OptionalLong receiveBytes,
    OptionalLong transmitPackets,
    OptionalLong transmitBytes,
    OptionalLong receiveErrors,
    OptionalLong transmitErrors,
    OptionalLong receiveDrops,
    OptionalLong transmitDrops) {

  public static final InterfaceCounters NONE =
      new InterfaceCounters(
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty());
}
