package io.tunnelwatch.lab;

import io.tunnelwatch.lab.sim.ScaleTopology;
import io.tunnelwatch.lab.sim.SimulatedRouter;
import java.util.ArrayList;
import java.util.List;

/**
 * Many simulated routers in one process for load tests: N routers with M tunnels each (see {@link
 * ScaleTopology} for who peers with whom), every one with its own SNMP agent and the first ones
 * (all by default) with their own SSH port. All of them share a fixed set of threads, so 10,000
 * routers start within the default file descriptor limits of a developer machine.
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
   * @param sshRouters how many routers serve SSH: R1 up to R{sshRouters}; the others answer SNMP
   *     only. An SSH server costs a listening socket and its host key's generation at start-up
   */
  public record Spec(
      int routers, int tunnelsPerRouter, int sshBasePort, int snmpBasePort, int sshRouters) {

    public Spec {
      if (sshRouters < 0 || sshRouters > routers) {
        throw new IllegalArgumentException(
            "SSH routers must be 0 to " + routers + " (the number of routers), got " + sshRouters);
      }
    }

    /** Every router serves SSH. */
    public Spec(int routers, int tunnelsPerRouter, int sshBasePort, int snmpBasePort) {
      this(routers, tunnelsPerRouter, sshBasePort, snmpBasePort, routers);
    }

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
      return new Spec(routers, tunnelsPerRouter, ssh, snmp, sshRouters);
    }

    /** Only the first {@code count} routers serve SSH. */
    public Spec withSshRouters(int count) {
      return new Spec(routers, tunnelsPerRouter, sshBasePort, snmpBasePort, count);
    }
  }

  /** Builds the topology at the options' clock instant and starts every router's faces. */
  public static RunningLab start(LabOptions options, Spec spec) {
    List<SimulatedRouter> routers =
        ScaleTopology.create(options.clock(), spec.routers(), spec.tunnelsPerRouter());
    List<Integer> sshPorts = new ArrayList<>();
    List<Integer> snmpPorts = new ArrayList<>();
    for (int k = 0; k < routers.size(); k++) {
      if (k < spec.sshRouters()) {
        sshPorts.add(spec.sshBasePort() == 0 ? 0 : spec.sshBasePort() + k);
      }
      snmpPorts.add(spec.snmpBasePort() + k);
    }
    LabOptions withPorts =
        spec.snmpBasePort() == 0
            ? options
            : options.toBuilder().snmp(options.snmp().toBuilder().ports(snmpPorts).build()).build();
    return LabStarter.start(routers, sshPorts, withPorts);
  }
}
