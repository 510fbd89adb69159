package io.tunnelwatch.lab.sim;

/**
 * A point-to-point GRE tunnel interface ({@code tunnel mode gre ip}).
 *
 * @param name full IOS name, e.g. {@code Tunnel10}
 * @param address the tunnel's own address
 * @param source the tunnel source address (the local public address)
 * @param destination the tunnel destination (the peer's public address)
 * @param peerAddress the peer's address on the tunnel ({@code 10.0.0.2} seen from R1)
 * @param peerLan the peer's LAN, which this router routes into the tunnel
 */
public record TunnelPort(
    String name,
    Ipv4Prefix address,
    String source,
    String destination,
    String peerAddress,
    Ipv4Prefix peerLan) {}
