package io.tunnelwatch.snmp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.SnmpCredentials;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.SnmpException.Kind;
import io.tunnelwatch.snmp.SnmpTarget;
import io.tunnelwatch.snmp.SnmpValue;
import io.tunnelwatch.snmp.VarBind;
import io.tunnelwatch.snmp.WalkLimits;
import io.tunnelwatch.testing.snmp.ScriptedAgent;
import io.tunnelwatch.testing.snmp.ScriptedAgent.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snmp4j.PDU;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/** The real client against agents on real UDP sockets that misbehave in the ways routers do. */
class Snmp4jClientBadAgentIT {

  private static final String COMMUNITY = "n0t-publ1c-c0mmunity";
  private static final Oid ROOT = Oid.parse("1.3.6.1.4.1.9.9.171.1.3.2.1");
  private static final WalkLimits LIMITS = new WalkLimits(10, 1_000, Duration.ofSeconds(5));

  private Snmp4jClient client;
  private ScriptedAgent agent;

  @BeforeEach
  void open() throws Exception {
    client = Snmp4jClient.open();
  }

  @AfterEach
  void close() throws Exception {
    client.close();
    if (agent != null) {
      agent.close();
    }
  }

  private SnmpTarget target(String community) {
    return new SnmpTarget(
        "127.0.0.1",
        agent.port(),
        Duration.ofMillis(200),
        1,
        new SnmpCredentials.Community(community));
  }

  private static Map<OID, Variable> rows(int count) {
    Map<OID, Variable> values = new TreeMap<>();
    values.put(new OID("1.3.6.1.2.1.1.3.0"), new Integer32(1));
    for (int i = 1; i <= count; i++) {
      values.put(new OID(ROOT + ".45." + i), new Counter32(i));
    }
    values.put(new OID("1.3.6.1.4.1.9.9.171.1.3.3.1.3.1.1"), new Integer32(1));
    return values;
  }

  private SnmpException walkFails(WalkLimits limits) {
    SnmpException e =
        catchThrowableOfType(
            SnmpException.class, () -> client.walk(target(COMMUNITY), ROOT, limits));
    assertThat(e).as("the walk must fail").isNotNull();
    assertThat(e.getMessage()).doesNotContain(COMMUNITY).contains("127.0.0.1:" + agent.port());
    return e;
  }

  @Test
  void walksASubtreeInOrderOverSeveralBulkRequestsAndStopsAtItsEnd() throws Exception {
    agent = ScriptedAgent.start(COMMUNITY, ScriptedAgent.table(rows(57)));

    List<VarBind> walked = client.walk(target(COMMUNITY), ROOT, LIMITS);

    assertThat(walked).hasSize(57);
    assertThat(walked.get(0).oid()).isEqualTo(ROOT.append(45, 1));
    assertThat(walked.get(56).value()).isEqualTo(new SnmpValue.Counter32(57));
    assertThat(agent.requests()).isEqualTo(6);
  }

  @Test
  void columnsOfATableAreWalkedInLockstep() throws Exception {
    Map<OID, Variable> values = new TreeMap<>(rows(30));
    for (int i = 1; i <= 30; i++) {
      values.put(new OID(ROOT + ".46." + i), new Counter32(100 + i));
    }
    // A sparse column: only every third row has a value.
    for (int i = 3; i <= 30; i += 3) {
      values.put(new OID(ROOT + ".47." + i), new Counter32(200 + i));
    }
    agent = ScriptedAgent.start(COMMUNITY, ScriptedAgent.table(values));

    List<VarBind> walked =
        client.walkColumns(
            target(COMMUNITY),
            List.of(ROOT.append(45), ROOT.append(46), ROOT.append(47)),
            new WalkLimits(30, 1_000, Duration.ofSeconds(5)));

    assertThat(walked).hasSize(70);
    assertThat(walked).extracting(VarBind::oid).doesNotHaveDuplicates();
    assertThat(walked)
        .filteredOn(vb -> vb.oid().startsWith(ROOT.append(47)))
        .extracting(VarBind::value)
        .first()
        .isEqualTo(new SnmpValue.Counter32(203));
    // 10 rows of each of three columns per request; the sparse column ends in the second, then
    // the other two get 15 rows each and run past their ends in the third.
    assertThat(agent.requests()).isEqualTo(3);
  }

  @Test
  void endOfMibViewEndsTheWalkWithWhatCameBefore() throws Exception {
    Map<OID, Variable> values = new TreeMap<>();
    for (int i = 1; i <= 3; i++) {
      values.put(new OID(ROOT + ".45." + i), new Counter32(i));
    }
    agent = ScriptedAgent.start(COMMUNITY, ScriptedAgent.table(values));

    assertThat(client.walk(target(COMMUNITY), ROOT, LIMITS)).hasSize(3);
  }

  @Test
  void anEmptySubtreeIsAnEmptyList() throws Exception {
    agent =
        ScriptedAgent.start(
            COMMUNITY, ScriptedAgent.table(Map.of(new OID("1.3.6.1.2.1.1.3.0"), new Integer32(1))));

    assertThat(client.walk(target(COMMUNITY), ROOT, LIMITS)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"noSuchObject", "noSuchInstance"})
  void anExceptionValueInsideAWalkIsNoSuch(String exception) throws Exception {
    Null value = exception.equals("noSuchObject") ? Null.noSuchObject : Null.noSuchInstance;
    agent =
        ScriptedAgent.start(
            COMMUNITY,
            (request, n) -> Reply.of(List.of(new VariableBinding(new OID(ROOT + ".45.1"), value))));

    SnmpException e = walkFails(LIMITS);

    assertThat(e.kind()).isEqualTo(Kind.NO_SUCH);
    assertThat(e.getMessage()).contains(ROOT + ".45.1");
  }

  @Test
  void anOidGoingBackwardsIsCaught() throws Exception {
    agent =
        ScriptedAgent.start(
            COMMUNITY,
            (request, n) ->
                Reply.of(
                    List.of(
                        new VariableBinding(new OID(ROOT + ".45.5"), new Counter32(5)),
                        new VariableBinding(new OID(ROOT + ".45.4"), new Counter32(4)))));

    SnmpException e = walkFails(LIMITS);

    assertThat(e.kind()).isEqualTo(Kind.NON_INCREASING_OID);
    assertThat(e.getMessage()).contains(ROOT + ".45.4 after " + ROOT + ".45.5");
  }

  @Test
  void anAgentRepeatingTheSameOidIsALoopNotAHang() throws Exception {
    agent =
        ScriptedAgent.start(
            COMMUNITY,
            (request, n) ->
                Reply.of(List.of(new VariableBinding(new OID(ROOT + ".45.1"), new Counter32(1)))));

    assertThat(walkFails(LIMITS).kind()).isEqualTo(Kind.NON_INCREASING_OID);
    assertThat(agent.requests()).isEqualTo(2);
  }

  /** Answers every request with the next rows of an endless column. */
  private static ScriptedAgent.Script endless() {
    return (request, n) -> {
      OID asked = request.get(0).getOid();
      long last = asked.size() > ROOT.size() + 1 ? asked.last() : 0;
      List<VariableBinding> out = new ArrayList<>();
      for (int i = 1; i <= request.getMaxRepetitions(); i++) {
        out.add(new VariableBinding(new OID(ROOT + ".45." + (last + i)), new Counter32(i)));
      }
      return Reply.of(out);
    };
  }

  @Test
  void aTableThatNeverEndsStopsAtTheRowLimit() throws Exception {
    agent = ScriptedAgent.start(COMMUNITY, endless());

    SnmpException e = walkFails(new WalkLimits(25, 500, Duration.ofSeconds(30)));

    assertThat(e.kind()).isEqualTo(Kind.TOO_MANY_ROWS);
    assertThat(e.getMessage()).contains("more than 500 varbinds");
  }

  @Test
  void aSlowEndlessTableStopsAtTheWallTimeLimit() throws Exception {
    ScriptedAgent.Script endless = endless();
    agent =
        ScriptedAgent.start(
            COMMUNITY,
            (request, n) -> {
              slowly(20);
              return endless.answer(request, n);
            });
    long started = System.nanoTime();

    SnmpException e = walkFails(new WalkLimits(5, 1_000_000, Duration.ofMillis(300)));

    assertThat(e.kind()).isEqualTo(Kind.WALK_TIMEOUT);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void anAgentFallingSilentHalfwayIsATimeoutWithinTheRetryBudget() throws Exception {
    ScriptedAgent.Script table = ScriptedAgent.table(rows(100));
    agent =
        ScriptedAgent.start(COMMUNITY, (request, n) -> n <= 2 ? table.answer(request, n) : null);
    long started = System.nanoTime();

    SnmpException e = walkFails(LIMITS);

    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(e.getMessage()).contains("GETBULK " + ROOT + ".45.20").contains("after 2 attempts");
    // two attempts of 200 ms, plus the two answered requests
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(agent.requests()).isEqualTo(4);
  }

  @Test
  void aWrongCommunityIsATimeoutThatDoesNotPrintTheCommunity() throws Exception {
    agent = ScriptedAgent.start(COMMUNITY, ScriptedAgent.table(rows(3)));
    String wrong = "wr0ng-c0mmunity-s3cret";

    SnmpException e =
        catchThrowableOfType(SnmpException.class, () -> client.walk(target(wrong), ROOT, LIMITS));

    assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
    assertThat(e.getMessage()).doesNotContain(wrong).contains("community is not accepted");
    assertThat(agent.requests()).isZero();
  }

  @Test
  void anErrorStatusNamesTheStatusAndTheOid() throws Exception {
    agent =
        ScriptedAgent.start(
            COMMUNITY,
            (request, n) -> new Reply(PDU.genErr, 1, List.copyOf(request.getVariableBindings())));

    SnmpException e =
        catchThrowableOfType(
            SnmpException.class,
            () -> client.get(target(COMMUNITY), List.of(Oid.parse("1.3.6.1.2.1.1.3.0"))));

    assertThat(e.kind()).isEqualTo(Kind.ERROR_STATUS);
    assertThat(e.getMessage()).contains("genErr(5)").contains("at 1.3.6.1.2.1.1.3.0");
  }

  @Test
  void tooBigMakesTheWalkAskForFewerRows() throws Exception {
    ScriptedAgent.Script table = ScriptedAgent.table(rows(12));
    List<Integer> asked = new ArrayList<>();
    agent =
        ScriptedAgent.start(
            COMMUNITY,
            (request, n) -> {
              asked.add(request.getMaxRepetitions());
              return request.getMaxRepetitions() > 3
                  ? new Reply(PDU.tooBig, 0, List.of())
                  : table.answer(request, n);
            });

    List<VarBind> walked =
        client.walk(target(COMMUNITY), ROOT, new WalkLimits(20, 100, Duration.ofSeconds(5)));

    assertThat(walked).hasSize(12);
    assertThat(asked).startsWith(20, 10, 5, 2);
  }

  @Test
  void anAgentThatCannotAnswerSeveralColumnsAtOnceIsWalkedColumnByColumn() throws Exception {
    Map<OID, Variable> values = new TreeMap<>(rows(7));
    for (int i = 1; i <= 7; i++) {
      values.put(new OID(ROOT + ".46." + i), new Counter32(i));
    }
    ScriptedAgent.Script table = ScriptedAgent.table(values);
    agent =
        ScriptedAgent.start(
            COMMUNITY,
            (request, n) ->
                request.size() > 1
                    ? new Reply(PDU.tooBig, 0, List.of())
                    : table.answer(request, n));

    List<VarBind> walked =
        client.walkColumns(
            target(COMMUNITY),
            List.of(ROOT.append(45), ROOT.append(46)),
            new WalkLimits(4, 100, Duration.ofSeconds(5)));

    assertThat(walked).hasSize(14);
  }

  @Test
  void getReturnsMissingInstancesAsAbsentValuesInRequestOrder() throws Exception {
    agent = ScriptedAgent.start(COMMUNITY, ScriptedAgent.table(rows(2)));

    List<VarBind> got =
        client.get(target(COMMUNITY), List.of(ROOT.append(45, 9), ROOT.append(45, 2)));

    assertThat(got)
        .extracting(VarBind::value)
        .containsExactly(SnmpValue.Absent.NO_SUCH_INSTANCE, new SnmpValue.Counter32(2));
  }

  @Test
  void anUnresolvableHostIsATransportError() {
    SnmpTarget bad =
        new SnmpTarget(
            "no-such-host.invalid",
            161,
            Duration.ofMillis(100),
            0,
            new SnmpCredentials.Community(COMMUNITY));

    assertThatThrownBy(() -> client.get(bad, List.of(Oid.parse("1.3.6.1.2.1.1.3.0"))))
        .isInstanceOfSatisfying(
            SnmpException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSPORT))
        .hasMessageContaining("no-such-host.invalid");
  }

  /** The scripted agent's own slowness, not test synchronisation. */
  private static void slowly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
