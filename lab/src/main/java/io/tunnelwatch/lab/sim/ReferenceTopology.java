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

  public static final String PRE_SHARED_KEY = TopologyBuilder.PRE_SHARED_KEY;

  /** Builds the topology with the link up and fresh SAs at the clock's current instant. */
  public static ReferenceTopology create(Clock clock) {
    TopologyBuilder builder =
        new TopologyBuilder(clock)
            .router(
                "R1",
                "Branch-01",
                "100.0.0.1/24",
                "192.168.1.1/24",
                "5254.0012",
                "01",
                Duration.ofDays(1).plusHours(2).plusMinutes(3),
                "9KXTR1BRANCH1")
            .router(
                "R2",
                "Branch-02",
                "200.0.0.1/24",
                "172.1.1.1/24",
                "5254.0034",
                "02",
                Duration.ofDays(1).plusHours(1).plusMinutes(58),
                "9KXTR2BRANCH2");
    TunnelLink link =
        builder.link(
            "R1",
            "Tunnel10",
            "10.0.0.1/24",
            "R2",
            "Tunnel12",
            "10.0.0.2/24",
            TrafficProfile.standard(),
            10);
    List<SimulatedRouter> routers = builder.build();
    return new ReferenceTopology(routers.get(0), routers.get(1), link);
  }
}
