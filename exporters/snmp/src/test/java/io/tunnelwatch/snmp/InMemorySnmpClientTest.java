package io.tunnelwatch.snmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tunnelwatch.snmp.mib.MibOids;
import io.tunnelwatch.snmp.poll.SnmpDevicePoll;
import io.tunnelwatch.snmp.poll.SnmpPollResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemorySnmpClientTest {

  private final InMemorySnmpClient client = new InMemorySnmpClient();
  private final SnmpTarget r1 =
      new SnmpTarget("r1", 161, Duration.ofSeconds(1), 0, new SnmpCredentials.Community("c"));

  private static List<VarBind> router() {
    List<VarBind> all = new ArrayList<>();
    all.add(new VarBind(MibOids.SYS_UP_TIME, Vb.ticks(100)));
    all.addAll(ReferenceRouter.ikeTunnels());
    all.addAll(ReferenceRouter.ipsecTunnels());
    all.addAll(ReferenceRouter.ipsecEndpoints());
    all.addAll(ReferenceRouter.interfaces(7));
    return all;
  }

  @Test
  void servesAPollLikeAnAgent() throws Exception {
    client.serve("r1", 161, router());

    SnmpPollResult result = new SnmpDevicePoll(client, Clock.systemUTC()).poll("R1", r1);

    assertThat(result.snapshot().ikeSas()).extracting(s -> s.peer()).containsExactly("200.0.0.1");
    assertThat(result.snapshot().ipsecFlows())
        .extracting(f -> f.flow())
        .containsExactly(ReferenceRouter.FLOW);
    assertThat(result.snapshot().tunnels()).extracting(t -> t.name()).containsExactly("Tunnel10");
  }

  @Test
  void aSilencedAgentTimesOutAndWalksHonourTheRowLimit() throws Exception {
    client.serve("r1", 161, router());

    SnmpException tooMany =
        catchThrowableOfType(
            SnmpException.class,
            () ->
                client.walk(
                    r1, MibOids.CIPSEC_TUNNEL_ENTRY, new WalkLimits(10, 5, Duration.ofSeconds(1))));
    client.silence("r1", 161);
    SnmpException silent =
        catchThrowableOfType(
            SnmpException.class, () -> client.get(r1, List.of(MibOids.SYS_UP_TIME)));

    assertThat(tooMany.kind()).isEqualTo(SnmpException.Kind.TOO_MANY_ROWS);
    assertThat(silent.kind()).isEqualTo(SnmpException.Kind.TIMEOUT);
  }
}
