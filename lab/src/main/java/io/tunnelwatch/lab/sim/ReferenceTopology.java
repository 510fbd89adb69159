package io.tunnelwatch.lab.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The two-branch topology of the design document: R1 (Branch-01) and R2 (Branch-02) joined by a GRE
 * tunnel that a crypto map on each internet interface protects.
 *
 * @param r1 Branch-01, side A of the link (it initiates IKE)
 * @param r2 Branch-02, side B
 */
public record ReferenceTopology(SimulatedRouter r1, SimulatedRouter r2, TunnelLink link) {

  public static final String PRE_SHARED_KEY = "unnets@123";

  /** Builds the topology with the link up and fresh SAs at the clock's current instant. */
  public static ReferenceTopology create(Clock clock) {
    IsakmpPolicy policy = new IsakmpPolicy(10, "aes", 256, "sha", "psk", 2, Duration.ofDays(1));
    RouterConfig r1 =
        new RouterConfig(
            "R1",
            "Branch-01",
            List.of(
                new EthernetPort(
                    "GigabitEthernet0/0",
                    Ipv4Prefix.parse("100.0.0.1/24"),
                    "5254.0012.0100",
                    EthernetPort.Role.WAN),
                new EthernetPort(
                    "GigabitEthernet0/1",
                    Ipv4Prefix.parse("192.168.1.1/24"),
                    "5254.0012.0101",
                    EthernetPort.Role.LAN)),
            new TunnelPort("Tunnel10", Ipv4Prefix.parse("10.0.0.1/24"), "100.0.0.1", "200.0.0.1"),
            crypto(policy),
            Duration.ofDays(1).plusHours(2).plusMinutes(3),
            "9KXTR1BRANCH1");
    RouterConfig r2 =
        new RouterConfig(
            "R2",
            "Branch-02",
            List.of(
                new EthernetPort(
                    "GigabitEthernet0/0",
                    Ipv4Prefix.parse("200.0.0.1/24"),
                    "5254.0034.0200",
                    EthernetPort.Role.WAN),
                new EthernetPort(
                    "GigabitEthernet0/1",
                    Ipv4Prefix.parse("172.1.1.1/24"),
                    "5254.0034.0201",
                    EthernetPort.Role.LAN)),
            new TunnelPort("Tunnel12", Ipv4Prefix.parse("10.0.0.2/24"), "200.0.0.1", "100.0.0.1"),
            crypto(policy),
            Duration.ofDays(1).plusHours(1).plusMinutes(58),
            "9KXTR2BRANCH2");
    LinkSpec spec =
        new LinkSpec(
            "100.0.0.1",
            "200.0.0.1",
            policy.lifetime(),
            Duration.ofHours(1),
            4_608_000,
            TrafficProfile.standard(),
            10);
    TunnelLink link = new TunnelLink(spec, clock);
    return new ReferenceTopology(
        new SimulatedRouter(r1, clock, link, Side.A),
        new SimulatedRouter(r2, clock, link, Side.B),
        link);
  }

  private static CryptoConfig crypto(IsakmpPolicy policy) {
    return new CryptoConfig(
        policy,
        PRE_SHARED_KEY,
        "TS-SET",
        "esp-aes esp-sha-hmac",
        "CMAP",
        10,
        "VPN-TRAFFIC",
        "GigabitEthernet0/0",
        Duration.ofHours(1),
        4_608_000);
  }
}
