package io.tunnelwatch.ios.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One interface of {@code show interfaces}.
 *
 * @param name interface name as IOS prints it
 * @param status the part before {@code , line protocol is}: {@code up}, {@code down}, {@code
 *     administratively down}, {@code deleted}
 * @param lineProtocol {@code up} or {@code down}, without a trailing {@code (connected)} note
 * @param description {@code Description:}
 * @param internetAddress {@code Internet address is a.b.c.d/len}
 * @param mtu {@code MTU N bytes}
 * @param tunnel tunnel settings, present when the output shows any {@code Tunnel ...} setting line
 * @param statistics packet, byte, error and drop counters
 */
public record InterfaceStatus(
    String name,
    String status,
    String lineProtocol,
    Optional<String> description,
    Optional<String> internetAddress,
    OptionalInt mtu,
    Optional<TunnelSettings> tunnel,
    InterfaceStatistics statistics) {

  public boolean administrativelyDown() {
    return status.startsWith("administratively");
  }

  /** Neither shut down nor deleted (a removed subinterface lingers as {@code is deleted}). */
  public boolean enabled() {
    return !administrativelyDown() && !status.equals("deleted");
  }

  public boolean lineProtocolUp() {
    return lineProtocol.equals("up");
  }
}
