package io.tunnelwatch.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.lab.sim.CryptoSnapshot;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.junit.jupiter.api.Test;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * A scale lab's faces share a fixed set of threads: six times the routers, the same threads, and
 * every router still answers with its own data; only the routers asked for serve SSH.
 */
class ScaleLabThreadsIT {
  private static final int TUNNELS = 4;
  private static final OID SYS_CONTACT = new OID("1.3.6.1.2.1.1.4.0");
  private static final OID SYS_NAME = new OID("1.3.6.1.2.1.1.5.0");
  private static final OID TUNNEL_IF_LOCAL_ADDRESS = new OID("1.3.6.1.2.1.10.131.1.1.1.1.1");
  private static final OID TUNNEL_IF_REMOTE_ADDRESS = new OID("1.3.6.1.2.1.10.131.1.1.1.1.2");

  /**
   * Threads a lab may add beyond those of a lab six times smaller: lazily started pool threads
   * (MINA's, the JDK's) and JVM housekeeping. The old design added two per router (600 here).
   */
  private static final int SLACK = 4;

  @Test
  void threadsDoNotGrowWithTheRoutersAndEveryRouterAnswersSnmpWithItsOwnData() throws IOException {
    try (Snmp manager = new Snmp(new DefaultUdpTransportMapping())) {
      manager.listen();
      int small = threadsAddedByALabOf(50, manager);
      int large = threadsAddedByALabOf(300, manager);
      assertThat(large)
          .as("threads added by 300 routers vs by 50 (%d)", small)
          .isLessThanOrEqualTo(small + SLACK)
          .isLessThan(50);
    }
  }

  /** Starts a lab of {@code routers}, has every one answer, and counts the threads it added. */
  private static int threadsAddedByALabOf(int routers, Snmp manager) throws IOException {
    int before = Thread.activeCount();
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    LabOptions options = LabOptions.builder().clock(clock).build();
    try (RunningLab lab = ScaleLab.start(options, ScaleLab.Spec.parse(routers + "x" + TUNNELS))) {
      clock.advance(Duration.ofMinutes(2));
      Set<String> names = new HashSet<>();
      for (LabRouter router : lab.routers()) {
        assertAnswersWithItsOwnData(router, manager);
        names.add(router.name());
      }
      assertThat(names).hasSize(routers);
      // Every router's SSH server listens, on the shared threads.
      assertThat(lab.routers()).allMatch(r -> r.hasSsh() && r.sshPort() > 0);
      return Thread.activeCount() - before;
    }
  }

  /**
   * A GETBULK of the system name and site (non-repeaters) and of the tunnels' local and remote
   * addresses, compared with the router's own simulation: a mixed-up socket would show another
   * router's name and addresses.
   */
  private static void assertAnswersWithItsOwnData(LabRouter router, Snmp manager)
      throws IOException {
    InetSocketAddress agent = router.snmpAddress().orElseThrow();
    CommunityTarget<Address> target =
        new CommunityTarget<>(
            new UdpAddress(agent.getAddress(), agent.getPort()), new OctetString("public"));
    target.setVersion(SnmpConstants.version2c);
    target.setTimeout(2000);
    target.setRetries(1);
    PDU bulk = new PDU();
    bulk.setType(PDU.GETBULK);
    bulk.setNonRepeaters(2);
    bulk.setMaxRepetitions(TUNNELS);
    // GETBULK answers with the objects after those asked for: sysName, sysLocation, and the
    // first rows of each column.
    bulk.add(new VariableBinding(SYS_CONTACT));
    bulk.add(new VariableBinding(SYS_NAME));
    bulk.add(new VariableBinding(TUNNEL_IF_LOCAL_ADDRESS));
    bulk.add(new VariableBinding(TUNNEL_IF_REMOTE_ADDRESS));
    ResponseEvent<Address> answer = manager.send(bulk, target);
    PDU response = answer.getResponse();
    assertThat(response).as(router.name() + " answers").isNotNull();
    assertThat(response.getErrorStatus()).isZero();
    List<? extends VariableBinding> values = response.getVariableBindings();
    assertThat(values).hasSize(2 + 2 * TUNNELS);
    RouterSnapshot snapshot = router.snapshot();
    assertThat(values.get(0).getVariable()).hasToString(router.name());
    assertThat(values.get(1).getVariable()).hasToString(snapshot.config().site());
    Set<String> localAddresses = new HashSet<>();
    Set<String> remoteAddresses = new HashSet<>();
    for (int row = 0; row < TUNNELS; row++) {
      VariableBinding local = values.get(2 + 2 * row);
      VariableBinding remote = values.get(3 + 2 * row);
      assertThat(local.getOid().startsWith(TUNNEL_IF_LOCAL_ADDRESS)).as(local.toString()).isTrue();
      assertThat(remote.getOid().startsWith(TUNNEL_IF_REMOTE_ADDRESS))
          .as(remote.toString())
          .isTrue();
      localAddresses.add(((IpAddress) local.getVariable()).getInetAddress().getHostAddress());
      remoteAddresses.add(((IpAddress) remote.getVariable()).getInetAddress().getHostAddress());
    }
    assertThat(localAddresses).containsExactly(snapshot.crypto().localAddress());
    assertThat(remoteAddresses)
        .containsExactlyInAnyOrderElementsOf(
            snapshot.sessions().stream().map(CryptoSnapshot::peerAddress).toList());
  }

  @Test
  void onlyTheFirstSshRoutersServeSshTheOthersSnmpOnly() throws IOException {
    int routers = 300;
    int sshRouters = 20;
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    LabOptions options = LabOptions.builder().clock(clock).build();
    ScaleLab.Spec spec = ScaleLab.Spec.parse(routers + "x" + TUNNELS).withSshRouters(sshRouters);
    try (RunningLab lab = ScaleLab.start(options, spec);
        Snmp manager = new Snmp(new DefaultUdpTransportMapping())) {
      manager.listen();
      clock.advance(Duration.ofMinutes(2));
      List<LabRouter> all = lab.routers();
      assertThat(all.subList(0, sshRouters)).allMatch(LabRouter::hasSsh);
      assertThat(all.subList(sshRouters, routers)).noneMatch(LabRouter::hasSsh);

      LabRouter last = lab.router("R" + sshRouters);
      SshClient client = Terminal.client();
      try (ClientSession session = Terminal.connect(client, last)) {
        session.addPasswordIdentity("cisco");
        session.auth().verify(Terminal.TIMEOUT);
        String isakmp = session.executeRemoteCommand("show crypto isakmp sa");
        assertThat(isakmp.split("QM_IDLE").length - 1).isEqualTo(TUNNELS);
      } finally {
        client.stop();
      }

      LabRouter snmpOnly = lab.router("R" + (sshRouters + 1));
      assertThatThrownBy(snmpOnly::sshPort)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("R21 has no SSH face");
      assertThat(snmpOnly.activeSshSessions()).isZero();
      assertAnswersWithItsOwnData(snmpOnly, manager);
      assertAnswersWithItsOwnData(lab.router("R" + routers), manager);
      assertThat(snmpOnly.execute("show crypto session").split("UP-ACTIVE").length - 1)
          .as("the CLI still answers without SSH")
          .isEqualTo(TUNNELS);

      String inventory = LabInventory.json(lab);
      assertThat(inventory.split("\"ssh\":\\{").length - 1).isEqualTo(sshRouters);
      assertThat(inventory.split("\"ssh\":null").length - 1).isEqualTo(routers - sshRouters);
      assertThat(inventory).contains("{\"name\":\"R21\",\"site\":\"Branch-021\",\"ssh\":null,");
    }
  }

  @Test
  void moreSshRoutersThanRoutersIsRefused() {
    assertThatThrownBy(() -> ScaleLab.Spec.parse("4x2").withSshRouters(5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SSH routers must be 0 to 4");
    assertThat(ScaleLab.Spec.parse("4x2").sshRouters()).isEqualTo(4);
  }
}
