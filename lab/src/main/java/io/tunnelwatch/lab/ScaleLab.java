package io.tunnelwatch.lab;

import io.tunnelwatch.lab.sim.ScaleTopology;
import io.tunnelwatch.lab.sim.SimulatedRouter;
import java.util.ArrayList;
import java.util.List;

/**
 * Many simulated routers in one process for load tests: N routers with M tunnels each (see {@link
 * ScaleTopology} for who peers with whom), every one with its own SSH port and SNMP agent.
 *
 * <pre>{@code
 * try (RunningLab lab = ScaleLab.start(LabOptions.defaults(), ScaleLab.Spec.parse("200x4"))) {
 *   System.out.println(LabInventory.json(lab));
 * }
 * }</pre>
 */
public final class ScaleLab {
  private ScaleLab() {}

  /**
   * How big a scale lab is and where its ports start.
   *
   * @param sshBasePort router k (1-based) listens for SSH on base + k - 1; 0 = free ports
   * @param snmpBasePort likewise for SNMP; 0 = the ports of the options' {@link LabSnmpOptions}
   *     (free ports unless given). With one loopback address per router (the default) all agents
   *     may share one port
   */
  public record Spec(int routers, int tunnelsPerRouter, int sshBasePort, int snmpBasePort) {

    /**
     * Parses {@code NxM}, e.g. {@code 200x4}.
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public static Spec parse(String text) {
      String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
      try {
        if (parts.length == 2) {
          return new Spec(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), 0, 0);
        }
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
      throw new IllegalArgumentException(
          "scale must be ROUTERSxTUNNELS, e.g. 200x4, got '" + text + "'");
    }

    public Spec withBasePorts(int ssh, int snmp) {
      return new Spec(routers, tunnelsPerRouter, ssh, snmp);
    }
  }

  /** Builds the topology at the options' clock instant and starts every router's faces. */
  public static RunningLab start(LabOptions options, Spec spec) {
    List<SimulatedRouter> routers =
        ScaleTopology.create(options.clock(), spec.routers(), spec.tunnelsPerRouter());
    List<Integer> sshPorts = new ArrayList<>();
    List<Integer> snmpPorts = new ArrayList<>();
    for (int k = 0; k < routers.size(); k++) {
      sshPorts.add(spec.sshBasePort() == 0 ? 0 : spec.sshBasePort() + k);
      snmpPorts.add(spec.snmpBasePort() + k);
    }
    LabOptions withPorts =
        spec.snmpBasePort() == 0
            ? options
            : options.toBuilder().snmp(options.snmp().toBuilder().ports(snmpPorts).build()).build();
    return LabStarter.start(routers, sshPorts, withPorts);
  }
}
