package io.tunnelwatch.core.model;

/**
 * A tunnel interface as the router reports it.
 *
 * @param name interface name as IOS spells it, e.g. {@code Tunnel10}
 * @param adminUp false when the interface is administratively down
 * @param lineProtocolUp line protocol state: the tunnel's real health
 * @param sourceAddress tunnel source address (or interface name when IOS only names the interface)
 * @param destinationAddress tunnel destination address, empty when not configured
 * @param mode encapsulation as IOS words it, e.g. {@code GRE/IP} or {@code IPSEC/IP}
 * @param counters interface packet, byte, error and drop counters
 */
public record TunnelInterface(
    String name,
    boolean adminUp,
    boolean lineProtocolUp,
    String sourceAddress,
    String destinationAddress,
    String mode,
    InterfaceCounters counters) {}
