package io.tunnelwatch.lab;

import io.tunnelwatch.lab.sim.ReferenceTopology;
import java.util.List;

/**
 * Starts the design document's reference topology: R1 (Branch-01) and R2 (Branch-02), an IPsec
 * protected GRE tunnel between them, each router reachable over SSH with an IOS exec CLI, and
 * optionally the HTTP control API.
 *
 * <pre>{@code
 * try (RunningLab lab = ReferenceLab.start(LabOptions.defaults())) {
 *   LabRouter r1 = lab.router("R1");
 *   // ssh admin@127.0.0.1 -p r1.sshPort(), password "cisco"
 * }
 * }</pre>
 */
public final class ReferenceLab {
  private ReferenceLab() {}

  /** Builds the topology at the options' clock instant and starts both routers' faces. */
  public static RunningLab start(LabOptions options) {
    ReferenceTopology topology = ReferenceTopology.create(options.clock());
    return LabStarter.start(
        List.of(topology.r1(), topology.r2()),
        List.of(options.r1Port(), options.r2Port()),
        options);
  }
}
