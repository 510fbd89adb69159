package io.tunnelwatch.snmp.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.snmp.ReferenceRouter;
import io.tunnelwatch.snmp.SnmpCredentials;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.SnmpFutures;
import io.tunnelwatch.snmp.SnmpTarget;
import io.tunnelwatch.snmp.VarBind;
import io.tunnelwatch.snmp.mib.MibOids;
import io.tunnelwatch.snmp.poll.SnmpPollResult;
import io.tunnelwatch.snmp.poll.SnmpSnapshotCollector;
import io.tunnelwatch.testing.snmp.ScriptedAgent;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Many requests in flight on one socket, from one thread: the client queues what does not fit its
 * window instead of blocking the caller, and never has more than its window on the wire.
 */
class Snmp4jClientConcurrencyIT {

  private static SnmpTarget target(ScriptedAgent agent, Duration timeout) {
    return new SnmpTarget(
        "127.0.0.1", agent.port(), timeout, 0, new SnmpCredentials.Community("public"));
  }

  @Test
  void requestsBeyondTheWindowWaitWithoutBlockingTheCaller() throws Exception {
    try (ScriptedAgent silent = ScriptedAgent.start("public", (request, n) -> null);
        Snmp4jClient client = Snmp4jClient.open(8)) {
      SnmpTarget target = target(silent, Duration.ofMillis(300));
      List<CompletableFuture<List<VarBind>>> requests = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        requests.add(client.getAsync(target, List.of(MibOids.SYS_UP_TIME)));
      }

      // Every call returned at once; only the window's worth went out.
      assertThat(requests).noneMatch(CompletableFuture::isDone);
      assertThat(client.requestsInFlight()).isEqualTo(8);
      assertThat(client.requestsQueued()).isEqualTo(42);

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> requests.stream().allMatch(CompletableFuture::isDone));
      assertThat(silent.requests()).isEqualTo(50);
      assertThat(client.peakRequestsInFlight()).isEqualTo(8);
      assertThat(client.requestsInFlight()).isZero();
      for (CompletableFuture<List<VarBind>> request : requests) {
        assertThat(request)
            .failsWithin(Duration.ZERO)
            .withThrowableOfType(java.util.concurrent.ExecutionException.class)
            .satisfies(
                e ->
                    assertThat(SnmpFutures.asSnmpException(e.getCause()).kind())
                        .isEqualTo(SnmpException.Kind.TIMEOUT));
      }
    }
  }

  @Test
  void twoHundredDevicesArePolledAtOnceFromOneThreadWithinTheWindow() throws Exception {
    try (ScriptedAgent router =
            ScriptedAgent.start(
                "public", ScriptedAgent.table(Fixtures.served(ReferenceRouter.all(100))));
        Snmp4jClient client = Snmp4jClient.open(16)) {
      SnmpTarget target = target(router, Duration.ofSeconds(2));
      SnmpSnapshotCollector collector = new SnmpSnapshotCollector(client, Clock.systemUTC());
      int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

      List<CompletableFuture<SnmpPollResult>> polls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        polls.add(collector.pollAsync("R" + i, target));
      }
      int threadsDuring = ManagementFactory.getThreadMXBean().getThreadCount();
      CompletableFuture.allOf(polls.toArray(CompletableFuture[]::new))
          .get(60, java.util.concurrent.TimeUnit.SECONDS);

      for (int i = 0; i < 200; i++) {
        SnmpPollResult result = polls.get(i).join();
        assertThat(result.snapshot().device()).isEqualTo("R" + i);
        assertThat(result.snapshot().ipsecFlows()).isNotEmpty();
      }
      assertThat(client.peakRequestsInFlight()).isEqualTo(16);
      assertThat(router.requests()).isGreaterThanOrEqualTo(200 * 11);
      assertThat(threadsDuring - threadsBefore).isLessThanOrEqualTo(1);
    }
  }
}
