package io.tunnelwatch.lab.sim;

/**
 * A point-to-point GRE tunnel interface ({@code tunnel mode gre ip}).
 *
 * @param name full IOS name, e.g. {@code Tunnel10}
 * @param address the tunnel's own address
 * @param source the tunnel source address (the local public address)
 * @param destination the tunnel destination (the peer's public address)
 */
public record TunnelPort(String name, Ipv4Prefix address, String source, String destination) {}
