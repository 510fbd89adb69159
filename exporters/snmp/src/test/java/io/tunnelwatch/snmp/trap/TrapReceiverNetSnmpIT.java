package io.tunnelwatch.snmp.trap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.core.model.Observation;
import io.tunnelwatch.core.model.ObservationKind;
import io.tunnelwatch.snmp.AuthProtocol;
import io.tunnelwatch.snmp.PrivProtocol;
import io.tunnelwatch.snmp.SnmpCredentials;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.testing.process.ProcessRunner;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notifications sent by Net-SNMP's snmptrap / snmpinform to a real receiver socket. */
class TrapReceiverNetSnmpIT {

  private static final String COMMUNITY = "trap-c0mmunity";
  private static final String AUTH_PASS = "trap-Auth-pass1";
  private static final String PRIV_PASS = "trap-Priv-pass1";
  private static final String IKE_PROTOCOL_FAILURE = "1.3.6.1.4.1.9.9.171.2.0.5";
  private static final String PEER_LOCAL = "1.3.6.1.4.1.9.9.171.1.2.2.1.6.1";
  private static final String PEER_REMOTE = "1.3.6.1.4.1.9.9.171.1.2.2.1.7.1";

  private final List<Observation> observations = new CopyOnWriteArrayList<>();
  private TrapReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    InetAddress r1 = InetAddress.getByName("127.0.0.1");
    receiver =
        TrapReceiver.start(
            new TrapReceiverConfig(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                List.of(COMMUNITY),
                List.of(
                    SnmpCredentials.UsmUser.authPriv(
                        "twtrap", AuthProtocol.SHA, AUTH_PASS, PrivProtocol.AES128, PRIV_PASS))),
            source -> source.equals(r1) ? Optional.of("R1") : Optional.empty(),
            observations::add,
            Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    receiver.close();
  }

  private String destination() {
    return "127.0.0.1:" + receiver.localAddress().getPort();
  }

  private static void run(List<String> command) {
    ProcessRunner.defaults().withTimeout(Duration.ofSeconds(20)).exec(command).requireSuccess();
  }

  private static List<String> v2c(String tool, String community, String... rest) {
    List<String> cmd = new ArrayList<>(List.of(tool, "-v", "2c", "-c", community));
    cmd.addAll(List.of(rest));
    return cmd;
  }

  private List<String> ikeProtocolFailure(String... options) {
    List<String> cmd = new ArrayList<>(List.of(options));
    cmd.addAll(
        List.of(
            destination(),
            "",
            IKE_PROTOCOL_FAILURE,
            PEER_LOCAL,
            "x",
            "64000001",
            PEER_REMOTE,
            "x",
            "C8000001"));
    return cmd;
  }

  @Test
  void aV2cTrapFromAConfiguredDeviceBecomesAnObservation() throws Exception {
    run(v2c("snmptrap", COMMUNITY, ikeProtocolFailure().toArray(String[]::new)));

    await().atMost(Duration.ofSeconds(10)).until(() -> observations.size() == 1);
    Observation o = observations.get(0);
    assertThat(o.device()).isEqualTo("R1");
    assertThat(o.kind()).isEqualTo(ObservationKind.IKE_PROTOCOL_FAILURE);
    assertThat(o.peer()).contains("200.0.0.1");
    assertThat(o.detail()).isEqualTo("cikeProtocolFailure local=100.0.0.1 peer=200.0.0.1");
    assertThat(receiver.counts()).isEqualTo(new TrapCounts(1, 1, 0, 0, 0, 0, 0));
  }

  @Test
  void aTrapFromAnUnknownSourceIsDroppedAndCounted() throws Exception {
    List<String> cmd = ikeProtocolFailure("--clientaddr=127.0.0.2");
    run(v2c("snmptrap", COMMUNITY, cmd.toArray(String[]::new)));
    // Then one from the device, so that we know the first one has been dealt with.
    run(v2c("snmptrap", COMMUNITY, ikeProtocolFailure().toArray(String[]::new)));

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.counts().received() == 2);
    assertThat(receiver.counts()).isEqualTo(new TrapCounts(2, 1, 1, 0, 0, 0, 0));
    assertThat(observations).extracting(Observation::device).containsExactly("R1");
  }

  @Test
  void aWrongCommunityAndAnUnsupportedTrapAreCountedNotPassedOn() throws Exception {
    run(v2c("snmptrap", "not-the-community", ikeProtocolFailure().toArray(String[]::new)));
    run(v2c("snmptrap", COMMUNITY, destination(), "", "1.3.6.1.6.3.1.1.5.1"));

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.counts().received() == 2);
    assertThat(receiver.counts()).isEqualTo(new TrapCounts(2, 0, 0, 1, 1, 0, 0));
    assertThat(observations).isEmpty();
  }

  @Test
  void linkDownNamesTheTunnel() throws Exception {
    run(
        v2c(
            "snmptrap",
            COMMUNITY,
            destination(),
            "",
            "1.3.6.1.6.3.1.1.5.3",
            "1.3.6.1.2.1.2.2.1.1.7",
            "i",
            "7",
            "1.3.6.1.2.1.2.2.1.2.7",
            "s",
            "Tunnel10",
            "1.3.6.1.2.1.2.2.1.8.7",
            "i",
            "2"));

    await().atMost(Duration.ofSeconds(10)).until(() -> observations.size() == 1);
    assertThat(observations.get(0).kind()).isEqualTo(ObservationKind.LINK_DOWN);
    assertThat(observations.get(0).tunnel()).contains("Tunnel10");
  }

  @Test
  void aV1EnterpriseTrapIsReadAsItsV2Equivalent() throws Exception {
    run(
        List.of(
            "snmptrap",
            "-v",
            "1",
            "-c",
            COMMUNITY,
            destination(),
            "1.3.6.1.4.1.9.9.171.2",
            "127.0.0.1",
            "6",
            "5",
            "",
            PEER_REMOTE,
            "x",
            "C8000001"));

    await().atMost(Duration.ofSeconds(10)).until(() -> observations.size() == 1);
    assertThat(observations.get(0).kind()).isEqualTo(ObservationKind.IKE_PROTOCOL_FAILURE);
    assertThat(observations.get(0).peer()).contains("200.0.0.1");
  }

  @Test
  void aFailingSinkDoesNotStopTheReceiver() throws Exception {
    List<Observation> kept = new CopyOnWriteArrayList<>();
    InetAddress r1 = InetAddress.getByName("127.0.0.1");
    try (TrapReceiver fragile =
        TrapReceiver.start(
            new TrapReceiverConfig(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                List.of(COMMUNITY),
                List.of()),
            source -> source.equals(r1) ? Optional.of("R1") : Optional.empty(),
            o -> {
              if (kept.isEmpty() && o.kind() == ObservationKind.LINK_UP) {
                throw new IllegalStateException("queue full");
              }
              kept.add(o);
            },
            Clock.systemUTC())) {
      String to = "127.0.0.1:" + fragile.localAddress().getPort();
      run(v2c("snmptrap", COMMUNITY, to, "", "1.3.6.1.6.3.1.1.5.4"));
      run(v2c("snmptrap", COMMUNITY, to, "", "1.3.6.1.6.3.1.1.5.3"));

      await().atMost(Duration.ofSeconds(10)).until(() -> kept.size() == 1);
      assertThat(kept.get(0).kind()).isEqualTo(ObservationKind.LINK_DOWN);
      assertThat(fragile.counts().accepted()).isEqualTo(2);
    }
  }

  @Test
  void anAddressInUseIsATransportError() {
    InetSocketAddress taken =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), receiver.localAddress().getPort());

    SnmpException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            SnmpException.class,
            () ->
                TrapReceiver.start(
                    new TrapReceiverConfig(taken, List.of(COMMUNITY), List.of()),
                    source -> Optional.empty(),
                    o -> {},
                    Clock.systemUTC()));

    assertThat(e.kind()).isEqualTo(SnmpException.Kind.TRANSPORT);
    assertThat(e.getMessage()).contains(String.valueOf(taken.getPort())).doesNotContain(COMMUNITY);
  }

  @Test
  void anInformIsAcknowledged() throws Exception {
    // snmpinform exits non-zero unless the receiver acknowledges.
    run(
        v2c(
            "snmpinform",
            COMMUNITY,
            ikeProtocolFailure("-t", "2", "-r", "0").toArray(String[]::new)));

    // The acknowledgement may leave before the notification reaches the listener.
    await().atMost(Duration.ofSeconds(10)).until(() -> !observations.isEmpty());
    assertThat(observations)
        .extracting(Observation::kind)
        .containsExactly(ObservationKind.IKE_PROTOCOL_FAILURE);
  }

  @Test
  void aV3AuthPrivTrapFromAConfiguredUserIsAccepted() throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "snmptrap",
                "-v",
                "3",
                "-u",
                "twtrap",
                "-l",
                "authPriv",
                "-a",
                "SHA",
                "-A",
                AUTH_PASS,
                "-x",
                "AES",
                "-X",
                PRIV_PASS,
                "-e",
                "0x8000000001020304"));
    cmd.addAll(ikeProtocolFailure());
    run(cmd);

    await().atMost(Duration.ofSeconds(10)).until(() -> observations.size() == 1);
    assertThat(observations.get(0).peer()).contains("200.0.0.1");
    assertThat(receiver.counts().accepted()).isEqualTo(1);
  }

  @Test
  void aV3TrapWithAWrongPassphraseIsCountedAsRejected() throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                "snmptrap",
                "-v",
                "3",
                "-u",
                "twtrap",
                "-l",
                "authPriv",
                "-a",
                "SHA",
                "-A",
                "wrong-Auth-pass9",
                "-x",
                "AES",
                "-X",
                PRIV_PASS,
                "-e",
                "0x8000000001020305"));
    cmd.addAll(ikeProtocolFailure());
    run(cmd);

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.counts().badCommunity() == 1);
    assertThat(observations).isEmpty();
    assertThat(receiver.counts().accepted()).isZero();
  }
}
