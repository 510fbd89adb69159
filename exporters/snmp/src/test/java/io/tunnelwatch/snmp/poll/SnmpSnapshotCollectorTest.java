package io.tunnelwatch.snmp.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.ReferenceRouter;
import io.tunnelwatch.snmp.SnmpCredentials;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.SnmpException.Kind;
import io.tunnelwatch.snmp.SnmpTarget;
import io.tunnelwatch.snmp.VarBind;
import io.tunnelwatch.snmp.Vb;
import io.tunnelwatch.snmp.mib.MibOids;
import io.tunnelwatch.snmp.mib.SnmpSnapshotReader;
import io.tunnelwatch.snmp.mib.SnmpWalks;
import io.tunnelwatch.snmp.transport.Fixtures;
import io.tunnelwatch.snmp.transport.Snmp4jClient;
import io.tunnelwatch.testing.snmp.ScriptedAgent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.VariableBinding;

/** A whole poll over real UDP against a scripted agent serving the reference router. */
class SnmpSnapshotCollectorTest {

  private static final String COMMUNITY = "poll-test-community";
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-29T03:00:00Z"), ZoneOffset.UTC);

  private Snmp4jClient client;
  private ScriptedAgent agent;
  private SnmpSnapshotCollector poll;

  @BeforeEach
  void open() throws Exception {
    client = Snmp4jClient.open();
    poll = new SnmpSnapshotCollector(client, CLOCK);
  }

  @AfterEach
  void close() throws Exception {
    client.close();
    agent.close();
  }

  private static List<VarBind> router(long uptimeHundredths) {
    return ReferenceRouter.all(uptimeHundredths);
  }

  private SnmpTarget target() {
    return new SnmpTarget(
        "127.0.0.1",
        agent.port(),
        Duration.ofMillis(300),
        1,
        new SnmpCredentials.Community(COMMUNITY));
  }

  @Test
  void aPollOverUdpGivesWhatTheReadersMakeOfTheServedTables() throws Exception {
    agent = ScriptedAgent.start(COMMUNITY, ScriptedAgent.table(Fixtures.served(router(8_640_000))));

    SnmpPollResult result = poll.poll("R1", target());

    DeviceSnapshot expected =
        SnmpSnapshotReader.read(
                "R1",
                CLOCK.instant(),
                new SnmpWalks(
                    new VarBind(MibOids.SYS_UP_TIME, Vb.ticks(8_640_000)),
                    ReferenceRouter.ikeGlobalStats(),
                    ReferenceRouter.ikeTunnels(),
                    ReferenceRouter.ipsecGlobalStats(),
                    ReferenceRouter.ipsecTunnels(),
                    ReferenceRouter.ipsecEndpoints(),
                    ReferenceRouter.ipsecSpis(),
                    ReferenceRouter.ikeFailures(),
                    ReferenceRouter.ipsecFailures(),
                    ReferenceRouter.cpu(),
                    ReferenceRouter.interfaces(7)))
            .value();
    assertThat(result.warnings()).isEmpty();
    assertThat(result.snapshot()).isEqualTo(expected);
    assertThat(result.snapshot().tunnels()).extracting(t -> t.name()).containsExactly("Tunnel10");
    assertThat(result.snapshot().ipsecFlows())
        .extracting(f -> f.flow())
        .containsExactly(ReferenceRouter.FLOW);
  }

  @Test
  void aRebootBetweenTwoPollsIsReported() throws Exception {
    agent = ScriptedAgent.start(COMMUNITY, ScriptedAgent.table(Fixtures.served(router(8_640_000))));
    SnmpPollResult before = poll.poll("R1", target());

    agent.script(ScriptedAgent.table(Fixtures.served(router(1_500))));
    SnmpPollResult after = poll.poll("R1", target());

    assertThat(before.warnings()).isEmpty();
    assertThat(after.snapshot().uptime()).contains(Duration.ofSeconds(15));
    assertThat(after.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.table()).isEqualTo("sysUpTime");
              assertThat(w.message()).contains("went back from 86400 s to 15 s");
            });
  }

  @Test
  void aSysUpTimeOfTheWrongTypeMeansTheDeviceCannotBeRead() throws Exception {
    List<VarBind> served = new ArrayList<>(router(0));
    served.set(0, new VarBind(MibOids.SYS_UP_TIME, Vb.text("a long time")));
    agent = ScriptedAgent.start(COMMUNITY, ScriptedAgent.table(Fixtures.served(served)));

    SnmpException e = catchThrowableOfType(SnmpException.class, () -> poll.poll("R1", target()));

    assertThat(e.kind()).isEqualTo(Kind.WRONG_TYPE);
    assertThat(e.getMessage())
        .startsWith("device R1 (127.0.0.1:" + agent.port() + "): ")
        .contains("sysUpTime.0 is OctetString, expected TimeTicks");
  }

  @Test
  void noSysUpTimeAtAllIsNoSuch() throws Exception {
    agent =
        ScriptedAgent.start(
            COMMUNITY,
            (request, n) ->
                ScriptedAgent.Reply.of(
                    List.of(new VariableBinding(request.get(0).getOid(), Null.noSuchObject))));

    assertThat(catchThrowableOfType(SnmpException.class, () -> poll.poll("R1", target())).kind())
        .isEqualTo(Kind.NO_SUCH);
  }

  @Test
  void sysUpTimeOutsideTheViewIsEndOfMib() throws Exception {
    agent =
        ScriptedAgent.start(
            COMMUNITY,
            (request, n) ->
                ScriptedAgent.Reply.of(
                    List.of(new VariableBinding(request.get(0).getOid(), Null.endOfMibView))));

    assertThat(catchThrowableOfType(SnmpException.class, () -> poll.poll("R1", target())).kind())
        .isEqualTo(Kind.END_OF_MIB);
  }

  @Test
  void aCellOfTheWrongTypeBecomesAWarningAndTheRestIsRead() throws Exception {
    List<VarBind> served = new ArrayList<>(router(100));
    Oid inPkts = MibOids.CIPSEC_TUNNEL_ENTRY.append(32, 5);
    served.replaceAll(vb -> vb.oid().equals(inPkts) ? new VarBind(inPkts, Vb.text("x")) : vb);
    agent = ScriptedAgent.start(COMMUNITY, ScriptedAgent.table(Fixtures.served(served)));

    SnmpPollResult result = poll.poll("R1", target());

    assertThat(result.snapshot().ipsecFlows().get(0).counters().decapsulated()).isEmpty();
    assertThat(result.snapshot().ipsecFlows().get(0).counters().decrypted()).hasValue(990);
    assertThat(result.warnings()).singleElement().asString().contains("cipSecTunInPkts");
  }

  @Test
  void aDeviceFallingSilentMidPollFailsTheWholePollWithTimeout() throws Exception {
    ScriptedAgent.Script table = ScriptedAgent.table(Fixtures.served(router(100)));
    agent =
        ScriptedAgent.start(COMMUNITY, (request, n) -> n <= 4 ? table.answer(request, n) : null);
    long started = System.nanoTime();

    SnmpException e = catchThrowableOfType(SnmpException.class, () -> poll.poll("R1", target()));

    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(e.getMessage()).startsWith("device R1 (127.0.0.1:").doesNotContain(COMMUNITY);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aTunnelInterfaceRowWithoutItsColumnsIsAWarning() throws Exception {
    List<VarBind> served = new ArrayList<>(router(100));
    served.removeIf(vb -> vb.oid().startsWith(MibOids.IF_ENTRY.append(8)));
    agent = ScriptedAgent.start(COMMUNITY, ScriptedAgent.table(Fixtures.served(served)));

    SnmpPollResult result = poll.poll("R1", target());

    assertThat(result.snapshot().tunnels()).isEmpty();
    assertThat(result.warnings())
        .extracting(w -> w.message())
        .contains("ifOperStatus (.8) missing");
  }
}
