package io.tunnelwatch.agent.cli;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.HttpConfig;
import io.tunnelwatch.agent.run.Agent;
import io.tunnelwatch.agent.run.DemoConfig;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo}: the lab's R1 and R2 on loopback, and the agent watching them. */
@Command(
    name = "demo",
    description = "Start simulated routers R1 and R2 and the agent polling them over SSH.")
final class DemoCommand implements Callable<Integer> {

  private static final String LAB_USER = "tunnelwatch";

  @Option(
      names = "--listen",
      paramLabel = "HOST:PORT",
      description = "Agent HTTP address (default: ${DEFAULT-VALUE})")
  String listen = HttpConfig.DEFAULT_LISTEN;

  @Option(
      names = "--interval",
      paramLabel = "SECONDS",
      description = "Poll interval in seconds (default: ${DEFAULT-VALUE})")
  int intervalSeconds = 10;

  @Override
  public Integer call() throws Exception {
    String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    Path dir = Files.createTempDirectory("tunnelwatch-demo");
    RunningLab lab = ReferenceLab.start(LabOptions.defaults().withCredentials(LAB_USER, password));
    Agent agent;
    try {
      AgentConfig config =
          DemoConfig.forLab(
              lab, LAB_USER, password, listen, Duration.ofSeconds(intervalSeconds), dir);
      agent = Agent.start(config);
    } catch (Exception e) {
      lab.close();
      throw e;
    }
    String base = "http://" + HostPort.format(agent.httpAddress());
    System.out.println("tunnelwatch demo is running (Ctrl-C stops it)");
    for (LabRouter router : lab.routers()) {
      System.out.printf(
          "  lab router %s: ssh -p %d %s@%s%n",
          router.name(), router.sshPort(), LAB_USER, router.sshHost());
      router
          .snmpAddress()
          .ifPresent(
              a ->
                  System.out.printf(
                      "  lab router %s: snmp udp:%s:%d (v2c community public)%n",
                      router.name(), a.getAddress().getHostAddress(), a.getPort()));
    }
    System.out.println("  status page: " + base + "/");
    System.out.println("  metrics:     " + base + "/metrics");
    System.out.println("  one device:  " + base + "/probe?target=R1");
    System.out.flush();
    ShutdownHook.runUntilSignalled(agent, lab);
    return 0;
  }
}
