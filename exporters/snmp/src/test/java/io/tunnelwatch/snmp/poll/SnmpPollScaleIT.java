package io.tunnelwatch.snmp.poll;

import static io.tunnelwatch.snmp.Vb.addr;
import static io.tunnelwatch.snmp.Vb.c32;
import static io.tunnelwatch.snmp.Vb.c64;
import static io.tunnelwatch.snmp.Vb.gauge;
import static io.tunnelwatch.snmp.Vb.integer;
import static io.tunnelwatch.snmp.Vb.text;
import static io.tunnelwatch.snmp.Vb.ticks;
import static io.tunnelwatch.snmp.Vb.vb;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.ReferenceRouter;
import io.tunnelwatch.snmp.SnmpCredentials;
import io.tunnelwatch.snmp.SnmpTarget;
import io.tunnelwatch.snmp.VarBind;
import io.tunnelwatch.snmp.mib.MibOids;
import io.tunnelwatch.snmp.transport.Fixtures;
import io.tunnelwatch.snmp.transport.Snmp4jClient;
import io.tunnelwatch.testing.snmp.ScriptedAgent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hub router with 500 peers (500 IKE SAs, 500 IPsec flows, 500 tunnel interfaces among 1500
 * interfaces), polled over loopback UDP: every object is read and the poll stays well inside a
 * polling interval. The duration is logged for docs/snmp.md.
 */
class SnmpPollScaleIT {

  private static final Logger LOG = LoggerFactory.getLogger(SnmpPollScaleIT.class);
  private static final int PEERS = 500;

  private static String peer(int i) {
    return "10." + (i / 250) + "." + (i % 250) + ".2";
  }

  private static List<VarBind> hub() {
    List<VarBind> all = new ArrayList<>();
    all.add(new VarBind(MibOids.SYS_UP_TIME, ticks(1_000_000)));
    all.addAll(ReferenceRouter.ikeGlobalStats());
    all.addAll(ReferenceRouter.ipsecGlobalStats());
    all.addAll(ReferenceRouter.cpu());
    Oid ike = MibOids.CIKE_TUNNEL_ENTRY;
    Oid tun = MibOids.CIPSEC_TUNNEL_ENTRY;
    Oid end = MibOids.CIPSEC_END_PT_ENTRY;
    Oid spi = MibOids.CIPSEC_SPI_ENTRY;
    for (int i = 1; i <= PEERS; i++) {
      String n = Integer.toString(i);
      all.add(vb(ike, 4, n, addr("100.0.0.1")));
      all.add(vb(ike, 8, n, addr(peer(i))));
      all.add(vb(ike, 15, n, integer(86400)));
      all.add(vb(ike, 16, n, ticks(1000)));
      all.add(vb(ike, 35, n, integer(1)));
      for (int c : new int[] {32, 33, 34, 36, 37, 38, 45, 46, 48, 49, 50}) {
        all.add(vb(tun, c, n, c32(i)));
      }
      all.add(vb(tun, 5, n, addr(peer(i))));
      all.add(vb(tun, 9, n, integer(3600)));
      all.add(vb(tun, 10, n, ticks(1000)));
      all.add(vb(tun, 27, n, c64(i * 1_000_000_000L)));
      all.add(vb(tun, 40, n, c64(i * 2_000_000_000L)));
      all.add(vb(tun, 51, n, integer(1)));
      String e = n + ".1";
      all.add(vb(end, 3, e, integer(1)));
      all.add(vb(end, 4, e, addr("100.0.0.1")));
      all.add(vb(end, 6, e, integer(47)));
      all.add(vb(end, 7, e, integer(0)));
      all.add(vb(end, 9, e, integer(1)));
      all.add(vb(end, 10, e, addr(peer(i))));
      all.add(vb(end, 12, e, integer(47)));
      all.add(vb(end, 13, e, integer(0)));
      for (int d = 1; d <= 2; d++) {
        String s = n + "." + d;
        all.add(vb(spi, 2, s, integer(d)));
        all.add(vb(spi, 3, s, gauge(i * 2L + d)));
        all.add(vb(spi, 4, s, integer(2)));
        all.add(vb(spi, 5, s, integer(1)));
      }
    }
    Oid ifEntry = MibOids.IF_ENTRY;
    for (int i = 1; i <= PEERS * 3; i++) {
      String n = Integer.toString(i);
      boolean tunnel = i % 3 == 0;
      all.add(vb(ifEntry, 2, n, text(tunnel ? "Tunnel" + i : "GigabitEthernet0/" + i)));
      all.add(vb(ifEntry, 3, n, integer(tunnel ? 131 : 6)));
      all.add(vb(ifEntry, 7, n, integer(1)));
      all.add(vb(ifEntry, 8, n, integer(1)));
      for (int c : new int[] {10, 11, 13, 14, 16, 17, 19, 20}) {
        all.add(vb(ifEntry, c, n, c32(i)));
      }
    }
    return all;
  }

  @Test
  void aHubWithFiveHundredPeersIsReadCompletely() throws Exception {
    try (ScriptedAgent agent =
            ScriptedAgent.start("hub", ScriptedAgent.table(Fixtures.served(hub())));
        Snmp4jClient client = Snmp4jClient.open()) {
      SnmpTarget target =
          new SnmpTarget(
              "127.0.0.1",
              agent.port(),
              Duration.ofSeconds(2),
              1,
              new SnmpCredentials.Community("hub"));
      SnmpSnapshotCollector poll = new SnmpSnapshotCollector(client, Clock.systemUTC());

      long started = System.nanoTime();
      SnmpPollResult result = poll.poll("HUB", target);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      LOG.info(
          "polled {} IKE SAs, {} flows, {} tunnels in {} ms with {} requests",
          result.snapshot().ikeSas().size(),
          result.snapshot().ipsecFlows().size(),
          result.snapshot().tunnels().size(),
          took.toMillis(),
          agent.requests());
      assertThat(result.snapshot().ikeSas()).hasSize(PEERS);
      assertThat(result.snapshot().ipsecFlows()).hasSize(PEERS);
      assertThat(result.snapshot().tunnels()).hasSize(PEERS);
      assertThat(result.snapshot().ipsecFlows().get(PEERS - 1).counters().receiveBytes())
          .hasValue(PEERS * 1_000_000_000L);
      assertThat(took).isLessThan(Duration.ofSeconds(30));
    }
  }
}
