package io.tunnelwatch.demo;

import io.tunnelwatch.agent.cli.HostPort;
import io.tunnelwatch.agent.cli.ShutdownHook;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.AlertingConfig;
import io.tunnelwatch.agent.config.HistoryConfig;
import io.tunnelwatch.agent.config.HttpConfig;
import io.tunnelwatch.agent.history.JdbcEventHistory;
import io.tunnelwatch.agent.run.Agent;
import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.LabSnmpOptions;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.lab.cli.HostPortConverter;
import io.tunnelwatch.lab.snmp.TrapTarget;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code demo}: the lab's R1 and R2 on loopback, and the agent watching them. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Start simulated routers R1 and R2 and the agent polling them over SSH.")
public final class DemoCommand implements Callable<Integer> {

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

  @Option(
      names = "--lab-control",
      paramLabel = "HOST:PORT",
      converter = HostPortConverter.class,
      description =
          "Address of the lab's fault injection control API, port 0 = any free one"
              + " (default: ${DEFAULT-VALUE})")
  InetSocketAddress labControl = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description = "Keep the event history in DIR/tunnelwatch.db (default: a new temporary dir)")
  @Nullable Path stateDir;

  @Option(
      names = "--alertmanager",
      paramLabel = "URL",
      description = "Send alerts to this Alertmanager, e.g. http://127.0.0.1:9093")
  @Nullable String alertmanager;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (alertmanager != null && !isHttpUrl(alertmanager)) {
      spec.commandLine()
          .getErr()
          .println(
              "--alertmanager: expected an http:// or https:// URL, got '" + alertmanager + "'");
      return 2;
    }
    String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    String community = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));
    Path dir = Files.createTempDirectory("tunnelwatch-demo");
    Path state = stateDir != null ? stateDir.toAbsolutePath() : dir.resolve("state");
    int trapPort = freeUdpPort();
    RunningLab lab =
        ReferenceLab.start(
            LabOptions.builder()
                .credentials(LAB_USER, password)
                .controlAddress(labControl)
                .snmp(
                    LabSnmpOptions.builder()
                        .community(community)
                        .trapTarget(new TrapTarget("127.0.0.1", trapPort, community))
                        .build())
                .build());
    Agent agent;
    try {
      AgentConfig config =
          DemoConfig.forLabWithSnmp(
                  lab,
                  LAB_USER,
                  password,
                  community,
                  listen,
                  "127.0.0.1:" + trapPort,
                  Duration.ofSeconds(intervalSeconds),
                  dir)
              .withHistory(HistoryConfig.ofStateDir(state.toString()))
              .withAlerting(
                  new AlertingConfig(
                      alertmanager == null ? List.of() : List.of(alertmanager),
                      List.of(),
                      AlertingConfig.DEFAULT_RESEND_INTERVAL));
      agent = Agent.start(config);
    } catch (Exception e) {
      lab.close();
      throw e;
    }
    printWhereToLook(agent, lab, state);
    ShutdownHook.runUntilSignalled(agent, lab);
    return 0;
  }

  private void printWhereToLook(Agent agent, RunningLab lab, Path state) {
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
                      "  lab router %s: snmp udp:%s:%d (v2c, community generated for this run)%n",
                      router.name(), a.getAddress().getHostAddress(), a.getPort()));
    }
    System.out.println("  status page: " + base + "/");
    System.out.println("  metrics:     " + base + "/metrics");
    System.out.println("  one device:  " + base + "/probe?target=R1");
    lab.controlAddress()
        .ifPresent(
            a -> {
              String control = "http://" + HostPort.format(a) + "/routers";
              System.out.println("  lab faults:  " + control);
              System.out.println("    e.g. curl -X POST " + control + "/R1/faults/psk_mismatch");
            });
    System.out.println("  history:     " + state.resolve(JdbcEventHistory.FILE_NAME));
    if (alertmanager != null) {
      System.out.println("  alerts to:   " + alertmanager);
    }
    System.out.flush();
  }

  /** A UDP port free now, for the agent's trap receiver that the lab must know in advance. */
  private static int freeUdpPort() throws IOException {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean isHttpUrl(String url) {
    try {
      URI uri = new URI(url);
      return uri.getHost() != null
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
