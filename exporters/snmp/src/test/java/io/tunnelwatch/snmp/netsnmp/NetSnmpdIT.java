package io.tunnelwatch.snmp.netsnmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.TunnelInterface;
import io.tunnelwatch.snmp.AuthProtocol;
import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.PrivProtocol;
import io.tunnelwatch.snmp.ReferenceRouter;
import io.tunnelwatch.snmp.SnmpCredentials;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.SnmpException.Kind;
import io.tunnelwatch.snmp.SnmpTarget;
import io.tunnelwatch.snmp.SnmpValue;
import io.tunnelwatch.snmp.VarBind;
import io.tunnelwatch.snmp.Vb;
import io.tunnelwatch.snmp.WalkLimits;
import io.tunnelwatch.snmp.mib.MibOids;
import io.tunnelwatch.snmp.mib.SnmpSnapshotReader;
import io.tunnelwatch.snmp.mib.SnmpWalks;
import io.tunnelwatch.snmp.poll.SnmpPollResult;
import io.tunnelwatch.snmp.poll.SnmpSnapshotCollector;
import io.tunnelwatch.snmp.transport.Snmp4jClient;
import io.tunnelwatch.testing.net.FreePorts;
import io.tunnelwatch.testing.snmp.NetSnmpd;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The poll against Debian's Net-SNMP snmpd: the CISCO-IPSEC-FLOW-MONITOR-MIB, CISCO-PROCESS-MIB and
 * TUNNEL-MIB tables of the reference router served through pass_persist, IF-MIB from the host plus
 * one tunnel interface (ifIndex 9001) added with override / pass_persist, read over v2c and v3.
 */
class NetSnmpdIT {

  private static final Logger LOG = LoggerFactory.getLogger(NetSnmpdIT.class);
  private static final String COMMUNITY = "tw-integration-c0mmunity";
  private static final String AUTH_PASS = "auth-Passphrase-1";
  private static final String PRIV_PASS = "priv-Passphrase-1";
  private static final int TUNNEL_IF_INDEX = 9001;

  @TempDir static Path dir;
  private static NetSnmpd snmpd;
  private static Snmp4jClient client;

  /** Everything the "router" serves besides the host's own IF-MIB. */
  private static List<VarBind> ciscoTables() {
    List<VarBind> all = new ArrayList<>();
    all.addAll(ReferenceRouter.ikeGlobalStats());
    all.addAll(ReferenceRouter.ikeTunnels());
    all.addAll(ReferenceRouter.ipsecGlobalStats());
    all.addAll(ReferenceRouter.ipsecTunnels());
    all.addAll(ReferenceRouter.ipsecEndpoints());
    all.addAll(ReferenceRouter.ipsecSpis());
    all.addAll(ReferenceRouter.ikeFailures());
    all.addAll(ReferenceRouter.ipsecFailures());
    all.addAll(ReferenceRouter.cpu());
    return all;
  }

  /** The tunnel interface's IF-MIB, ifXTable and TUNNEL-MIB varbinds (not the ethernet row). */
  private static List<VarBind> tunnelInterface() {
    Oid descr1 = MibOids.IF_ENTRY.append(2, 1);
    Oid type1 = MibOids.IF_ENTRY.append(3, 1);
    return ReferenceRouter.interfaces(TUNNEL_IF_INDEX).stream()
        .filter(vb -> !vb.oid().equals(descr1) && !vb.oid().equals(type1))
        .toList();
  }

  @BeforeAll
  static void startSnmpd() throws Exception {
    Path script = passPersistScript(dir);
    Path data = dir.resolve("router.data");
    List<String> dataLines = new ArrayList<>();
    List<String> config = new ArrayList<>();
    config.add("rocommunity " + COMMUNITY + " 127.0.0.1");
    for (Object[] user : users().map(Arguments::get).toList()) {
      AuthProtocol auth = (AuthProtocol) user[1];
      PrivProtocol priv = (PrivProtocol) user[2];
      config.add(
          "createUser "
              + user[0]
              + " "
              + user[3]
              + " "
              + AUTH_PASS
              + " "
              + user[4]
              + " "
              + PRIV_PASS);
      config.add("rouser " + user[0] + " priv");
      assertThat(auth).isNotNull();
      assertThat(priv).isNotNull();
    }
    config.add("createUser twauth SHA " + AUTH_PASS);
    config.add("rouser twauth auth");
    config.add("createUser twnone");
    config.add("rouser twnone noauth");
    String helper = "/usr/bin/perl " + script + " " + data;
    config.add("pass_persist .1.3.6.1.4.1.9.9 " + helper);
    config.add("pass_persist .1.3.6.1.2.1.10.131 " + helper);
    for (VarBind vb : ciscoTables()) {
      dataLines.add(PassPersistData.line(vb));
    }
    for (VarBind vb : tunnelInterface()) {
      if (vb.oid().startsWith(MibOids.IF_ENTRY)) {
        config.add(PassPersistData.override(vb));
      } else {
        dataLines.add(PassPersistData.line(vb));
        if (vb.oid().startsWith(MibOids.IF_X_ENTRY)) {
          // The host's ifXTable owns the subtree; a more preferred registration per instance
          // answers GETs for the extra interface.
          config.add("pass_persist -p 1 ." + vb.oid() + " " + helper);
        }
      }
    }
    Files.write(data, dataLines, StandardCharsets.UTF_8);
    client = Snmp4jClient.open();
    snmpd = NetSnmpd.start(dir, FreePorts.udp(), config);
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              assertThat(snmpd.alive()).as(snmpd::log).isTrue();
              assertThat(client.get(v2c(), List.of(MibOids.SYS_UP_TIME)).get(0).value())
                  .isInstanceOf(SnmpValue.TimeTicks.class);
            });
  }

  @AfterAll
  static void stopSnmpd() throws Exception {
    if (client != null) {
      client.close();
    }
    if (snmpd != null) {
      snmpd.close();
    }
  }

  private static SnmpTarget v2c() {
    return target(new SnmpCredentials.Community(COMMUNITY));
  }

  private static SnmpTarget target(SnmpCredentials credentials) {
    return new SnmpTarget("127.0.0.1", snmpd.port(), Duration.ofSeconds(2), 1, credentials);
  }

  /** name, our protocols, Net-SNMP's names for them. */
  static Stream<Arguments> users() {
    return Stream.of(
        Arguments.of("twsha", AuthProtocol.SHA, PrivProtocol.AES128, "SHA", "AES"),
        Arguments.of("tw256", AuthProtocol.SHA256, PrivProtocol.AES256, "SHA-256", "AES-256"),
        Arguments.of("tw384", AuthProtocol.SHA384, PrivProtocol.AES192, "SHA-384", "AES-192"),
        Arguments.of(
            "tw512",
            AuthProtocol.SHA512,
            PrivProtocol.AES256_3DES_KEY_EXTENSION,
            "SHA-512",
            "AES-256-C"),
        Arguments.of(
            "tw224",
            AuthProtocol.SHA224,
            PrivProtocol.AES192_3DES_KEY_EXTENSION,
            "SHA-224",
            "AES-192-C"),
        Arguments.of("twmd5", AuthProtocol.MD5, PrivProtocol.DES, "MD5", "DES"));
  }

  private static void assertServedValues(SnmpPollResult result) {
    DeviceSnapshot expected =
        SnmpSnapshotReader.read(
                "R1",
                result.snapshot().collectedAt(),
                new SnmpWalks(
                    new VarBind(MibOids.SYS_UP_TIME, Vb.ticks(0)),
                    ReferenceRouter.ikeGlobalStats(),
                    ReferenceRouter.ikeTunnels(),
                    ReferenceRouter.ipsecGlobalStats(),
                    ReferenceRouter.ipsecTunnels(),
                    ReferenceRouter.ipsecEndpoints(),
                    ReferenceRouter.ipsecSpis(),
                    ReferenceRouter.ikeFailures(),
                    ReferenceRouter.ipsecFailures(),
                    ReferenceRouter.cpu(),
                    tunnelInterface()))
            .value();
    DeviceSnapshot actual = result.snapshot();
    assertThat(result.warnings()).isEmpty();
    assertThat(actual.uptime()).hasValueSatisfying(u -> assertThat(u).isPositive());
    assertThat(actual.ikeSas()).isEqualTo(expected.ikeSas());
    assertThat(actual.ipsecFlows()).isEqualTo(expected.ipsecFlows());
    assertThat(actual.cpu()).isEqualTo(expected.cpu());
    assertThat(actual.failureCounters()).isEqualTo(expected.failureCounters());
    assertThat(actual.failures()).isEqualTo(expected.failures());
    // The host's own interfaces (loopback, ethernet) are not tunnels.
    assertThat(actual.tunnels()).isEqualTo(expected.tunnels());
    // And the values are the served ones, not just the same mistakes on both sides.
    assertThat(actual.ipsecFlows().get(0).counters().receiveBytes())
        .hasValue(ReferenceRouter.IN_OCTETS);
    assertThat(actual.ipsecFlows().get(0).flow()).isEqualTo(ReferenceRouter.FLOW);
    assertThat(actual.ipsecFlows().get(0).spis().get().outbound()).isEqualTo("0xC3B3FC8C");
    TunnelInterface tunnel = actual.tunnels().get(0);
    assertThat(tunnel.name()).isEqualTo("Tunnel10");
    assertThat(tunnel.counters().receiveBytes()).hasValue(5_000_000_000L);
    assertThat(tunnel.destinationAddress()).isEqualTo("200.0.0.1");
  }

  private static SnmpPollResult timedPoll(String label, SnmpTarget target) throws Exception {
    SnmpSnapshotCollector poll = new SnmpSnapshotCollector(client, Clock.systemUTC());
    long started = System.nanoTime();
    SnmpPollResult result = poll.poll("R1", target);
    LOG.info(
        "{} poll of snmpd took {} ms",
        label,
        Duration.ofNanos(System.nanoTime() - started).toMillis());
    return result;
  }

  @Test
  void aV2cPollReadsTheServedValues() throws Exception {
    SnmpPollResult result = timedPoll("v2c", v2c());

    assertServedValues(result);
  }

  @Test
  void aV3AuthPrivShaAesPollReadsTheServedValues() throws Exception {
    SnmpTarget v3 =
        target(
            SnmpCredentials.UsmUser.authPriv(
                "twsha", AuthProtocol.SHA, AUTH_PASS, PrivProtocol.AES128, PRIV_PASS));

    SnmpPollResult result = timedPoll("v3 authPriv SHA/AES", v3);

    assertServedValues(result);
  }

  @ParameterizedTest(name = "{3}/{4}")
  @MethodSource("users")
  void everyAuthAndPrivProtocolTalksToNetSnmp(
      String user, AuthProtocol auth, PrivProtocol priv, String netSnmpAuth, String netSnmpPriv)
      throws Exception {
    SnmpTarget v3 =
        target(SnmpCredentials.UsmUser.authPriv(user, auth, AUTH_PASS, priv, PRIV_PASS));

    List<VarBind> walked =
        client.walk(v3, MibOids.CIPSEC_SPI_ENTRY, new WalkLimits(3, 100, Duration.ofSeconds(10)));

    assertThat(walked).hasSize(ReferenceRouter.ipsecSpis().size());
  }

  @Test
  void authNoPrivAndNoAuthNoPrivUsersWork() throws Exception {
    SnmpTarget auth =
        target(SnmpCredentials.UsmUser.authNoPriv("twauth", AuthProtocol.SHA, AUTH_PASS));
    SnmpTarget none = target(SnmpCredentials.UsmUser.noAuthNoPriv("twnone"));

    assertThat(client.get(auth, List.of(MibOids.SYS_UP_TIME)).get(0).value())
        .isInstanceOf(SnmpValue.TimeTicks.class);
    assertThat(client.get(none, List.of(MibOids.SYS_UP_TIME)).get(0).value())
        .isInstanceOf(SnmpValue.TimeTicks.class);
  }

  @Test
  void aWrongPassphraseIsAnAuthFailureThatDoesNotPrintIt() {
    String wrong = "wrong-Passphrase-9";
    // The agent's report is unauthenticated, so the request still runs into its timeout: keep it
    // short.
    SnmpTarget v3 =
        new SnmpTarget(
            "127.0.0.1",
            snmpd.port(),
            Duration.ofMillis(700),
            0,
            SnmpCredentials.UsmUser.authPriv(
                "twsha", AuthProtocol.SHA, wrong, PrivProtocol.AES128, PRIV_PASS));

    SnmpException e =
        catchThrowableOfType(
            SnmpException.class, () -> client.get(v3, List.of(MibOids.SYS_UP_TIME)));

    assertThat(e.kind()).isEqualTo(Kind.WRONG_DIGEST);
    assertThat(e.getMessage())
        .contains("usmStatsWrongDigests")
        .contains("twsha")
        .doesNotContain(wrong)
        .doesNotContain(PRIV_PASS);
  }

  @Test
  void anUnknownUserIsAnAuthFailure() {
    SnmpTarget v3 =
        target(
            SnmpCredentials.UsmUser.authPriv(
                "nobody", AuthProtocol.SHA, AUTH_PASS, PrivProtocol.AES128, PRIV_PASS));

    SnmpException e =
        catchThrowableOfType(
            SnmpException.class, () -> client.get(v3, List.of(MibOids.SYS_UP_TIME)));

    assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_USER);
    assertThat(e.getMessage()).contains("usmStatsUnknownUserNames");
  }

  /** The pass_persist helper, copied out of the test resources into {@code dir}. */
  private static Path passPersistScript(Path dir) throws IOException {
    Path script = dir.resolve("pass-persist-table.pl");
    try (InputStream in = NetSnmpdIT.class.getResourceAsStream("/pass-persist-table.pl")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    return script;
  }
}
