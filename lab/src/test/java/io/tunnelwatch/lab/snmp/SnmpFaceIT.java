package io.tunnelwatch.lab.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.lab.LabOptions;
import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.LabSnmpOptions;
import io.tunnelwatch.lab.ManualClock;
import io.tunnelwatch.lab.ReferenceLab;
import io.tunnelwatch.lab.RunningLab;
import io.tunnelwatch.testing.process.ProcessRunner;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.DefaultPDUFactory;
import org.snmp4j.util.TreeEvent;
import org.snmp4j.util.TreeUtils;

/**
 * The lab's SNMP face read by real managers (an SNMP4J client and Net-SNMP's command-line tools):
 * the values equal what the CLI shows at the same simulated instant, credentials are enforced, and
 * traps arrive from each router's own address.
 */
class SnmpFaceIT {
  private static final String COMMUNITY = "tw-lab-ro";
  private static final String SPI_TABLE = "1.3.6.1.4.1.9.9.171.1.3.4";
  private static final SnmpUser SHA_AES =
      new SnmpUser("twsha", SnmpUser.Protocols.SHA_AES128, "auth-pass-1", "priv-pass-1");
  private static final SnmpUser SHA256_AES256 =
      new SnmpUser("twsha256", SnmpUser.Protocols.SHA256_AES256, "auth-pass-2", "priv-pass-2");

  static ManualClock clock;
  static RunningLab lab;
  static Snmp manager;
  static Snmp trapReceiver;
  static final List<ReceivedTrap> traps = new CopyOnWriteArrayList<>();

  record ReceivedTrap(String source, OID trap, List<? extends VariableBinding> bindings) {}

  @BeforeAll
  static void start() throws IOException {
    trapReceiver = new Snmp(new DefaultUdpTransportMapping(new UdpAddress("127.0.0.1/0")));
    trapReceiver.addCommandResponder(
        new CommandResponder() {
          @Override
          public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
            PDU pdu = event.getPDU();
            UdpAddress from = (UdpAddress) event.getPeerAddress();
            traps.add(
                new ReceivedTrap(
                    from.getInetAddress().getHostAddress(),
                    (OID) pdu.getVariable(SnmpConstants.snmpTrapOID),
                    pdu.getVariableBindings()));
          }
        });
    trapReceiver.listen();
    int trapPort =
        ((DefaultUdpTransportMapping)
                trapReceiver.getMessageDispatcher().getTransportMappings().iterator().next())
            .getListenAddress()
            .getPort();

    clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    lab =
        ReferenceLab.start(
            LabOptions.builder()
                .clock(clock)
                .snmp(
                    LabSnmpOptions.builder()
                        .community(COMMUNITY)
                        .user(SHA_AES)
                        .user(SHA256_AES256)
                        .trapTarget(new TrapTarget("127.0.0.1", trapPort, "traps"))
                        .changeCheckInterval(Duration.ofMillis(100))
                        .build())
                .build());
    clock.advance(Duration.ofMinutes(10));

    SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
    protocols.addAuthenticationProtocol(new AuthSHA());
    protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
    protocols.addPrivacyProtocol(new PrivAES128());
    protocols.addPrivacyProtocol(new PrivAES256());
    USM usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0);
    MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
    dispatcher.addMessageProcessingModel(new MPv2c());
    dispatcher.addMessageProcessingModel(new MPv3(usm));
    manager = new Snmp(dispatcher, new DefaultUdpTransportMapping());
    for (SnmpUser user : List.of(SHA_AES, SHA256_AES256)) {
      usm.addUser(usmUser(user.name(), user, user.authPassphrase()));
    }
    usm.addUser(usmUser("nobody", SHA_AES, "auth-pass-1"));
    manager.listen();
  }

  private static UsmUser usmUser(String name, SnmpUser spec, String authPassphrase) {
    return new UsmUser(
        new OctetString(name),
        spec.protocols().authProtocol(),
        new OctetString(authPassphrase),
        spec.protocols().privProtocol(),
        new OctetString(spec.privPassphrase()));
  }

  @AfterAll
  static void stop() throws IOException {
    if (lab != null) {
      lab.close();
    }
    if (manager != null) {
      manager.close();
    }
    if (trapReceiver != null) {
      trapReceiver.close();
    }
  }

  private static UdpAddress address(String router) {
    InetSocketAddress a = lab.snmpAddress(router);
    return new UdpAddress(a.getAddress(), a.getPort());
  }

  private static Target<Address> v2c(String router, String community) {
    CommunityTarget<Address> t = new CommunityTarget<>(address(router), new OctetString(community));
    t.setVersion(SnmpConstants.version2c);
    // Generous for a loaded build machine; a refused request costs the whole timeout once.
    t.setTimeout(1500);
    t.setRetries(1);
    return t;
  }

  private static Target<Address> v3(String router, String user) {
    UserTarget<Address> t = new UserTarget<>();
    t.setAddress(address(router));
    t.setVersion(SnmpConstants.version3);
    t.setSecurityLevel(SecurityLevel.AUTH_PRIV);
    t.setSecurityName(new OctetString(user));
    t.setTimeout(1500);
    t.setRetries(1);
    return t;
  }

  private static PDU get(Target<Address> target, String... oids) throws IOException {
    PDU pdu = target.getVersion() == SnmpConstants.version3 ? new ScopedPDU() : new PDU();
    pdu.setType(PDU.GET);
    for (String oid : oids) {
      pdu.add(new VariableBinding(new OID(oid)));
    }
    ResponseEvent<Address> response = manager.send(pdu, target);
    return response.getResponse();
  }

  private static Map<OID, Variable> walk(Target<Address> target, String root) {
    TreeUtils tree = new TreeUtils(manager, new DefaultPDUFactory(PDU.GETBULK));
    Map<OID, Variable> out = new TreeMap<>();
    for (TreeEvent event : tree.getSubtree(target, new OID(root))) {
      assertThat(event.isError()).as(event.getErrorMessage()).isFalse();
      for (VariableBinding vb : event.getVariableBindings()) {
        out.put(vb.getOid(), vb.getVariable());
      }
    }
    return out;
  }

  private static long firstNumber(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("'%s' in:%n%s", regex, text).isTrue();
    return Long.parseLong(m.group(1));
  }

  @Test
  void v2cGetMatchesTheCli() throws IOException {
    LabRouter r1 = lab.router("R1");
    PDU answer =
        get(
            v2c("R1", COMMUNITY),
            "1.3.6.1.2.1.1.5.0",
            "1.3.6.1.2.1.1.3.0",
            "1.3.6.1.4.1.9.9.109.1.1.1.1.6.1",
            "1.3.6.1.4.1.9.9.109.1.1.1.1.8.1");
    assertThat(answer).isNotNull();
    assertThat(answer.get(0).getVariable()).hasToString("R1");
    // 1 day 2 h 3 min at lab start + 10 min, exactly, because the clock stands still.
    assertThat(answer.get(1).getVariable().toLong())
        .isEqualTo(Duration.ofMinutes(26 * 60 + 13).toMillis() / 10);
    assertThat(r1.execute("show version")).contains("uptime is 1 day, 2 hours, 13 minutes");
    String cpu = r1.execute("show processes cpu | include CPU utilization");
    assertThat(answer.get(2).getVariable().toLong())
        .isEqualTo(firstNumber(cpu, "five seconds: (\\d+)%"));
    assertThat(answer.get(3).getVariable().toLong())
        .isEqualTo(firstNumber(cpu, "five minutes: (\\d+)%"));
  }

  @Test
  void v3WalkOfSpisAndCountersMatchesShowCryptoIpsecSa() {
    for (String router : List.of("R1", "R2")) {
      String cli = lab.router(router).execute("show crypto ipsec sa");
      long outboundSpi = firstNumber(cli, "current outbound spi: 0x[0-9A-F]+\\((\\d+)\\)");
      long inboundSpi = firstNumber(cli, "inbound esp sas:\\s+spi: 0x[0-9A-F]+\\((\\d+)\\)");
      long encrypted = firstNumber(cli, "#pkts encrypt: (\\d+)");
      long decrypted = firstNumber(cli, "#pkts decrypt: (\\d+)");
      for (SnmpUser user : List.of(SHA_AES, SHA256_AES256)) {
        Map<OID, Variable> spis = walk(v3(router, user.name()), SPI_TABLE);
        // One tunnel row whose SPI row 1 is inbound and row 2 outbound; the tunnel index itself
        // depends on how often the SAs were renegotiated before.
        int tunnel = spis.keySet().iterator().next().get(14);
        assertThat(spis.get(new OID(SPI_TABLE + ".1.2." + tunnel + ".1")).toInt()).isEqualTo(1);
        assertThat(spis.get(new OID(SPI_TABLE + ".1.3." + tunnel + ".1")).toLong())
            .isEqualTo(inboundSpi);
        assertThat(spis.get(new OID(SPI_TABLE + ".1.3." + tunnel + ".2")).toLong())
            .isEqualTo(outboundSpi);
        Map<OID, Variable> tunnels = walk(v3(router, user.name()), "1.3.6.1.4.1.9.9.171.1.3.2");
        assertThat(tunnels.get(new OID("1.3.6.1.4.1.9.9.171.1.3.2.1.49." + tunnel)).toLong())
            .isEqualTo(encrypted);
        assertThat(tunnels.get(new OID("1.3.6.1.4.1.9.9.171.1.3.2.1.37." + tunnel)).toLong())
            .isEqualTo(decrypted);
      }
    }
  }

  @Test
  void walkingEverythingReturnsTheWholeViewInOrder() {
    Map<OID, Variable> all = walk(v2c("R2", COMMUNITY), "1.3.6");
    assertThat(all.keySet()).containsAll(List.of(new OID("1.3.6.1.2.1.1.5.0")));
    assertThat(all.get(new OID("1.3.6.1.2.1.1.5.0"))).hasToString("R2");
    assertThat(all).hasSizeGreaterThan(200);
  }

  @Test
  void wrongCommunityGetsNoAnswer() throws IOException {
    assertThat(get(v2c("R1", "public"), "1.3.6.1.2.1.1.5.0")).isNull();
  }

  @Test
  void unknownUserGetsAReport() throws IOException {
    PDU unknown = get(v3("R1", "nobody"), "1.3.6.1.2.1.1.5.0");
    assertThat(unknown).isNotNull();
    assertThat(unknown.getType()).isEqualTo(PDU.REPORT);
    assertThat(unknown.get(0).getOid()).isEqualTo(SnmpConstants.usmStatsUnknownUserNames);
    assertThat(get(v3("R1", SHA_AES.name()), "1.3.6.1.2.1.1.5.0").get(0).getVariable())
        .hasToString("R1");
  }

  @Test
  void netSnmpToolsReadTheSameValues() throws Exception {
    InetSocketAddress r2 = lab.snmpAddress("R2");
    assertThat(r2.getAddress().getHostAddress()).isEqualTo("127.0.0.2");
    String where = "udp:" + r2.getAddress().getHostAddress() + ":" + r2.getPort();
    String name = run("snmpget", "-v2c", "-c", COMMUNITY, "-Oqv", where, "1.3.6.1.2.1.1.5.0");
    assertThat(name.strip()).isEqualTo("\"R2\"");

    String cli = lab.router("R2").execute("show crypto ipsec sa");
    long outboundSpi = firstNumber(cli, "current outbound spi: 0x[0-9A-F]+\\((\\d+)\\)");
    String sha =
        run(
            "snmpbulkwalk",
            "-v3",
            "-l",
            "authPriv",
            "-u",
            SHA_AES.name(),
            "-a",
            "SHA",
            "-A",
            SHA_AES.authPassphrase(),
            "-x",
            "AES",
            "-X",
            SHA_AES.privPassphrase(),
            "-On",
            where,
            SPI_TABLE);
    assertThat(sha)
        .containsPattern(
            "\\.1\\.3\\.6\\.1\\.4\\.1\\.9\\.9\\.171\\.1\\.3\\.4\\.1\\.3\\.\\d+\\.2 = Gauge32: "
                + outboundSpi
                + "\n");
    String sha256 =
        run(
            "snmpbulkwalk",
            "-v3",
            "-l",
            "authPriv",
            "-u",
            SHA256_AES256.name(),
            "-a",
            "SHA-256",
            "-A",
            SHA256_AES256.authPassphrase(),
            "-x",
            "AES-256",
            "-X",
            SHA256_AES256.privPassphrase(),
            "-On",
            where,
            SPI_TABLE);
    assertThat(sha256).isEqualTo(sha);
    String wrong =
        runExpectingFailure(
            "snmpget",
            "-v3",
            "-l",
            "authPriv",
            "-u",
            SHA_AES.name(),
            "-a",
            "SHA",
            "-A",
            "wrong-passphrase",
            "-x",
            "AES",
            "-X",
            SHA_AES.privPassphrase(),
            "-r",
            "0",
            where,
            "1.3.6.1.2.1.1.5.0");
    assertThat(wrong).contains("Authentication failed for " + SHA_AES.name());
    String unknown =
        runExpectingFailure(
            "snmpget",
            "-v3",
            "-l",
            "authPriv",
            "-u",
            "nobody",
            "-a",
            "SHA",
            "-A",
            SHA_AES.authPassphrase(),
            "-x",
            "AES",
            "-X",
            SHA_AES.privPassphrase(),
            "-r",
            "0",
            where,
            "1.3.6.1.2.1.1.5.0");
    assertThat(unknown).contains("Unknown user name");
  }

  @Test
  void tunnelDownAndUpSendTrapsFromEachRoutersAddress() {
    LabRouter r1 = lab.router("R1");
    // Let the periodic check record the current state before anything changes.
    r1.checkSnmpTraps();
    lab.router("R2").checkSnmpTraps();
    traps.clear();
    r1.setTunnelUp(false);
    await()
        .atMost(10, TimeUnit.SECONDS)
        .untilAsserted(
            () ->
                assertThat(traps)
                    .extracting(t -> t.source() + " " + t.trap())
                    .contains(
                        "127.0.0.1 1.3.6.1.6.3.1.1.5.3",
                        "127.0.0.1 1.3.6.1.4.1.9.9.171.2.0.2",
                        "127.0.0.1 1.3.6.1.4.1.9.9.171.2.0.8",
                        "127.0.0.2 1.3.6.1.6.3.1.1.5.3",
                        "127.0.0.2 1.3.6.1.4.1.9.9.171.2.0.2",
                        "127.0.0.2 1.3.6.1.4.1.9.9.171.2.0.8"));
    ReceivedTrap linkDown =
        traps.stream()
            .filter(t -> t.source().equals("127.0.0.1") && t.trap().last() == 3)
            .findFirst()
            .orElseThrow();
    // sysUpTime.0, snmpTrapOID.0, then ifIndex / ifAdminStatus / ifOperStatus of Tunnel10.
    assertThat(linkDown.bindings().get(2).getOid()).isEqualTo(new OID("1.3.6.1.2.1.2.2.1.1.3"));
    assertThat(linkDown.bindings().get(4).getVariable().toInt()).isEqualTo(2);

    traps.clear();
    r1.setTunnelUp(true);
    await()
        .atMost(10, TimeUnit.SECONDS)
        .untilAsserted(
            () ->
                assertThat(traps)
                    .extracting(t -> t.source() + " " + t.trap())
                    .contains(
                        "127.0.0.1 1.3.6.1.6.3.1.1.5.4",
                        "127.0.0.1 1.3.6.1.4.1.9.9.171.2.0.1",
                        "127.0.0.1 1.3.6.1.4.1.9.9.171.2.0.7",
                        "127.0.0.2 1.3.6.1.6.3.1.1.5.4",
                        "127.0.0.2 1.3.6.1.4.1.9.9.171.2.0.7"));
  }

  /** What the tool printed on stdout (its stderr, where notices go, is kept out). */
  private static String run(String... command) {
    return ProcessRunner.run(command).requireSuccess().stdout();
  }

  /** Stdout and stderr of a tool that must fail: the error message may be on either. */
  private static String runExpectingFailure(String... command) {
    return ProcessRunner.run(command).requireFailure().output();
  }
}
