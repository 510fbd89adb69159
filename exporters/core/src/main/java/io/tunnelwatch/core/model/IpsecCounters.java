package io.tunnelwatch.core.model;

import java.util.OptionalLong;

/**
 * Packet and error counters of one IPsec flow as the router reports them; a counter the source does
 * not show is empty, never zero.
 */
public record IpsecCounters(
    OptionalLong encapsulated,
    OptionalLong encrypted,
    OptionalLong decapsulated,
    OptionalLong decrypted,
    OptionalLong receiveBytes,
    OptionalLong transmitBytes,
    OptionalLong sendErrors,
    OptionalLong receiveErrors) {

  public static final IpsecCounters NONE =
      new IpsecCounters(
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty(),
          OptionalLong.empty());
}
