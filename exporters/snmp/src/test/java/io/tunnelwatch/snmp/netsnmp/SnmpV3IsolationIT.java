package io.tunnelwatch.snmp.netsnmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.snmp.AuthProtocol;
import io.tunnelwatch.snmp.PrivProtocol;
import io.tunnelwatch.snmp.SnmpCredentials;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.SnmpTarget;
import io.tunnelwatch.snmp.SnmpValue;
import io.tunnelwatch.snmp.mib.MibOids;
import io.tunnelwatch.snmp.transport.Snmp4jClient;
import io.tunnelwatch.testing.net.FreePorts;
import io.tunnelwatch.testing.snmp.NetSnmpd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SNMPv3 devices that share a user name, and even an engine ID (cloned configurations), each with
 * their own passphrases: every device works or fails on its own, whatever the others do. Two real
 * Net-SNMP agents.
 */
class SnmpV3IsolationIT {

  private static final String USER = "monitor";
  private static final String ENGINE_ID = "tunnelwatch-cloned";

  @TempDir Path dir;
  private NetSnmpd first;
  private NetSnmpd second;
  private Snmp4jClient client;

  private NetSnmpd agent(String name, String authPass, String privPass) throws Exception {
    Path home = Files.createDirectories(dir.resolve(name));
    NetSnmpd snmpd =
        NetSnmpd.start(
            home,
            FreePorts.udp(),
            List.of(
                "engineID " + ENGINE_ID,
                "createUser " + USER + " SHA " + authPass + " AES " + privPass,
                "rouser " + USER + " priv"));
    return snmpd;
  }

  private static SnmpTarget target(NetSnmpd agent, String authPass, String privPass) {
    return new SnmpTarget(
        "127.0.0.1",
        agent.port(),
        Duration.ofMillis(500),
        1,
        SnmpCredentials.UsmUser.authPriv(
            USER, AuthProtocol.SHA, authPass, PrivProtocol.AES128, privPass));
  }

  private SnmpValue uptime(SnmpTarget target) throws SnmpException {
    return client.get(target, List.of(MibOids.SYS_UP_TIME)).get(0).value();
  }

  @BeforeEach
  void start() throws Exception {
    first = agent("first", "first-auth-pass", "first-priv-pass");
    second = agent("second", "second-auth-pass", "second-priv-pass");
    client = Snmp4jClient.open();
    for (NetSnmpd snmpd : List.of(first, second)) {
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> snmpd.log().contains("NET-SNMP version") || !snmpd.alive());
      assertThat(snmpd.alive()).as(snmpd::log).isTrue();
    }
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    first.close();
    second.close();
  }

  @Test
  void devicesSharingAUserNameAndAnEngineIdWithTheirOwnPassphrasesBothWork() throws Exception {
    SnmpTarget a = target(first, "first-auth-pass", "first-priv-pass");
    SnmpTarget b = target(second, "second-auth-pass", "second-priv-pass");

    for (int round = 0; round < 3; round++) {
      assertThat(uptime(a)).as("first, round %d", round).isInstanceOf(SnmpValue.TimeTicks.class);
      assertThat(uptime(b)).as("second, round %d", round).isInstanceOf(SnmpValue.TimeTicks.class);
    }
  }

  @Test
  void aWrongPassphraseForOneDeviceNeverDisturbsAnotherAtTheSameAddress() throws Exception {
    SnmpTarget right = target(first, "first-auth-pass", "first-priv-pass");
    SnmpTarget wrong = target(first, "first-auth-pass", "not-the-priv-pass");

    for (int round = 0; round < 3; round++) {
      assertThat(uptime(right)).as("round %d", round).isInstanceOf(SnmpValue.TimeTicks.class);
      assertThatThrownBy(() -> uptime(wrong))
          .isInstanceOfSatisfying(
              SnmpException.class,
              e -> {
                // Net-SNMP drops what it cannot decrypt rather than reporting it, so a wrong
                // privacy passphrase looks like silence; the message says what it may be.
                assertThat(e.kind()).isEqualTo(SnmpException.Kind.TIMEOUT);
                assertThat(e.getMessage()).contains("wrong privacy passphrase");
              });
    }
    assertThat(uptime(right)).isInstanceOf(SnmpValue.TimeTicks.class);
  }
}
