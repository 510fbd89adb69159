package io.tunnelwatch.core.model;

import java.util.OptionalLong;

/**
 * Packet and error counters of one IPsec flow as the router reports them; a counter the source does
 * not show is empty, never zero.
 *
 * @param sendErrors {@code #send errors} (CLI)
 * @param receiveErrors {@code #recv errors} (CLI), or inbound drops (SNMP)
 * @param replayErrors inbound packets dropped by anti-replay
 * @param authErrors inbound and outbound authentication (digest) failures
 * @param decryptErrors inbound decryption failures
 * @param encryptErrors outbound encryption failures
 */
public record IpsecCounters(
    OptionalLong encapsulated,
    OptionalLong encrypted,
    OptionalLong decapsulated,
    OptionalLong decrypted,
    OptionalLong receiveBytes,
    OptionalLong transmitBytes,
    OptionalLong sendErrors,
    OptionalLong receiveErrors,
    OptionalLong replayErrors,
    OptionalLong authErrors,
    OptionalLong decryptErrors,
    OptionalLong encryptErrors) {
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

  /** Counters from a source that shows only send and receive errors (the CLI). */
  public IpsecCounters(
      OptionalLong encapsulated,
      OptionalLong encrypted,
      OptionalLong decapsulated,
      OptionalLong decrypted,
      OptionalLong receiveBytes,
      OptionalLong transmitBytes,
      OptionalLong sendErrors,
      OptionalLong receiveErrors) {
    this(
        encapsulated,
        encrypted,
        decapsulated,
        decrypted,
        receiveBytes,
        transmitBytes,
        sendErrors,
        receiveErrors,
        OptionalLong.empty(),
        OptionalLong.empty(),
        OptionalLong.empty(),
        OptionalLong.empty());
  }
}
