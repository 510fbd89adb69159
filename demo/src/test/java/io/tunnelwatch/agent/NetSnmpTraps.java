package io.tunnelwatch.agent;

import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.AuthConfig;
import io.tunnelwatch.agent.config.Secret;
import io.tunnelwatch.agent.config.SnmpAuthConfig;
import io.tunnelwatch.agent.config.TrapsConfig;
import io.tunnelwatch.testing.process.ProcessRunner;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Traps from Net-SNMP's {@code snmptrap} to an agent's receiver, as the trap tests send them. */
public final class NetSnmpTraps {

  /** The IKE protocol-failure notification of CISCO-IPSEC-FLOW-MONITOR-MIB. */
  public static final String IKE_PROTOCOL_FAILURE = "1.3.6.1.4.1.9.9.171.2.0.5";

  /** The peer's remote address in that notification; sent as hex {@code C8000001}: 200.0.0.1. */
  public static final String PEER_REMOTE = "1.3.6.1.4.1.9.9.171.1.2.2.1.7.1";

  private NetSnmpTraps() {}

  /**
   * {@code demo} with a trap receiver on a free loopback port that accepts SNMPv2c {@code
   * community} (auth {@code traps}).
   */
  public static AgentConfig receiving(AgentConfig demo, String community) {
    Map<String, AuthConfig> auths = new HashMap<>(demo.auths());
    auths.put("traps", AuthConfig.ofSnmp(SnmpAuthConfig.v2c(Secret.of(community))));
    return new AgentConfig(
            demo.http(),
            auths,
            demo.modules(),
            demo.devices(),
            demo.events(),
            demo.history(),
            demo.alerting())
        .withTraps(new TrapsConfig("127.0.0.1:0", List.of("traps")));
  }

  /** Sends an SNMPv2c trap from 127.0.0.1 and waits for {@code snmptrap} to succeed. */
  public static void send(InetSocketAddress receiver, String community, String... varbinds)
      throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "snmptrap", "-v", "2c", "-c", community, "127.0.0.1:" + receiver.getPort(), ""));
    command.addAll(List.of(varbinds));
    ProcessRunner.defaults().withTimeout(Duration.ofSeconds(20)).exec(command).requireSuccess();
  }
}
