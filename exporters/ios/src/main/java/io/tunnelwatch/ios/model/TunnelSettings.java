package io.tunnelwatch.ios.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@code Tunnel ...} lines of a tunnel interface.
 *
 * @param sourceAddress {@code Tunnel source A}; IOS prints {@code UNKNOWN} when unresolved
 * @param sourceInterface the {@code (Iface)} after the source address
 * @param destination {@code destination B}
 * @param transport {@code Tunnel protocol/transport}, e.g. {@code GRE/IP} or {@code IPSEC/IP}
 * @param protectionProfile {@code Tunnel protection via IPSec (profile "P")}
 * @param transportMtu {@code Tunnel transport MTU N bytes}
 */
public record TunnelSettings(
    Optional<String> sourceAddress,
    Optional<String> sourceInterface,
    Optional<String> destination,
    Optional<String> transport,
    Optional<String> protectionProfile,
    OptionalInt transportMtu) {}
