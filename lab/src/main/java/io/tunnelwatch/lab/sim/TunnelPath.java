package io.tunnelwatch.lab.sim;

/**
 * What one tunnel's path lets through at one instant, for a ping from its router.
 *
 * @param peerReachable the peer's public address answers: the path between the routers is there (no
 *     {@code tunnel_down}, no reload outage)
 * @param carriesTraffic packets routed into the tunnel reach the peer and its answers come back:
 *     both phases up and nothing stalls or loses them on either end
 */
public record TunnelPath(TunnelPort tunnel, boolean peerReachable, boolean carriesTraffic) {}
