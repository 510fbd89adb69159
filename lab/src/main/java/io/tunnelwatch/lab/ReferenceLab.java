package io.tunnelwatch.lab;

import io.tunnelwatch.lab.ios.IosCli;
import io.tunnelwatch.lab.sim.ReferenceTopology;
import io.tunnelwatch.lab.sim.SimulatedRouter;
import io.tunnelwatch.lab.ssh.CommandFaults;
import io.tunnelwatch.lab.ssh.RouterSshServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
  /**
   * How often the lab looks at its own state, so that time-driven changes (rekeys, failed retries)
   * reach event listeners even when no client is asking.
   */
  private static final long TICK_MILLIS = 1000;

  private ReferenceLab() {}

  /** Builds the topology at the options' clock instant and starts both SSH servers. */
  public static RunningLab start(LabOptions options) {
    ReferenceTopology topology = ReferenceTopology.create(options.clock());
    List<LabRouter> routers = new ArrayList<>();
    RunningLab lab;
    try {
      routers.add(router(topology.r1(), options.r1Port(), options));
      routers.add(router(topology.r2(), options.r2Port(), options));
      ScheduledExecutorService ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "lab-ticker");
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleWithFixedDelay(
          () -> topology.link().state(), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
      lab = new RunningLab(routers, List.of(ticker::shutdownNow, topology.link()::close));
    } catch (RuntimeException e) {
      routers.forEach(LabRouter::close);
      topology.link().close();
      throw e;
    }
    if (options.controlAddress() != null) {
      try {
        lab.startControl(options.controlAddress());
      } catch (RuntimeException e) {
        lab.close();
        throw e;
      }
    }
    return lab;
  }

  private static LabRouter router(SimulatedRouter router, int port, LabOptions options) {
    String name = router.config().hostname();
    IosCli cli = new IosCli(router);
    CommandFaults faults = new CommandFaults();
    Path keyFile =
        options.hostKeyDir() == null ? null : options.hostKeyDir().resolve(name + "-hostkey");
    RouterSshServer ssh =
        new RouterSshServer(
            cli,
            faults,
            new RouterSshServer.Settings(
                options.bindHost(),
                port,
                options.username(),
                options.password(),
                options.authorizedKeys(),
                keyFile,
                options.banner()));
    ssh.start(false);
    return new LabRouter(router, cli, faults, ssh, options.bindHost(), options.username());
  }
}
