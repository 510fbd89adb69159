package io.tunnelwatch.lab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * Load on a running lab's SNMP agents, to measure the lab's CPU per answered request from outside:
 * rounds of one GETBULK (25 repetitions of {@code cipSecTunnelTable}, what a poller walks) to every
 * router of a lab inventory, a bounded number in flight. Prints requests sent, answered, and the
 * wall time; the lab's CPU comes from {@code /proc/PID/stat} (see docs/performance.md).
 *
 * <p>Run: {@code java -cp lab/target/test-classes:lab/target/classes:DEPS
 * io.tunnelwatch.lab.bench.SnmpLoadBenchmark inventory.json ROUNDS [IN_FLIGHT]}
 */
public final class SnmpLoadBenchmark {
  private static final OID CIP_SEC_TUNNEL_TABLE = new OID("1.3.6.1.4.1.9.9.171.1.3.2");
  private static final int REPETITIONS = 25;
  private static final long TIMEOUT_MILLIS = 5_000;

  private SnmpLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: SnmpLoadBenchmark INVENTORY.json ROUNDS [IN_FLIGHT]");
      System.exit(2);
    }
    List<UdpAddress> agents = agents(Path.of(args[0]));
    int rounds = Integer.parseInt(args[1]);
    int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    Semaphore slots = new Semaphore(inFlight);
    AtomicLong answered = new AtomicLong();
    AtomicLong unanswered = new AtomicLong();
    long started = System.nanoTime();
    try (Snmp snmp = new Snmp(new DefaultUdpTransportMapping())) {
      snmp.listen();
      ResponseListener counter =
          new ResponseListener() {
            @Override
            public <A extends Address> void onResponse(ResponseEvent<A> event) {
              ((Snmp) event.getSource()).cancel(event.getRequest(), this);
              PDU response = event.getResponse();
              if (response != null
                  && response.getErrorStatus() == 0
                  && response.size() == REPETITIONS) {
                answered.incrementAndGet();
              } else {
                unanswered.incrementAndGet();
              }
              slots.release();
            }
          };
      for (int round = 0; round < rounds; round++) {
        for (UdpAddress agent : agents) {
          if (!slots.tryAcquire(TIMEOUT_MILLIS * 2, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("no answer nor timeout within " + TIMEOUT_MILLIS * 2);
          }
          snmp.send(bulk(), target(agent), null, counter);
        }
      }
      if (!slots.tryAcquire(inFlight, TIMEOUT_MILLIS * 2, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the last requests never ended");
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "routers=%d rounds=%d sent=%d answered=%d unanswered=%d seconds=%.1f requests_per_s=%.0f%n",
        agents.size(),
        rounds,
        (long) agents.size() * rounds,
        answered.get(),
        unanswered.get(),
        seconds,
        answered.get() / seconds);
  }

  private static List<UdpAddress> agents(Path inventory) throws IOException {
    List<UdpAddress> agents = new ArrayList<>();
    for (JsonNode router : new ObjectMapper().readTree(inventory.toFile()).get("routers")) {
      JsonNode snmp = router.get("snmp");
      agents.add(
          new UdpAddress(
              InetAddress.getByName(snmp.get("host").asText()), snmp.get("port").asInt()));
    }
    return agents;
  }

  private static PDU bulk() {
    PDU pdu = new PDU();
    pdu.setType(PDU.GETBULK);
    pdu.setMaxRepetitions(REPETITIONS);
    pdu.add(new VariableBinding(CIP_SEC_TUNNEL_TABLE));
    return pdu;
  }

  private static CommunityTarget<UdpAddress> target(UdpAddress agent) {
    CommunityTarget<UdpAddress> target = new CommunityTarget<>(agent, new OctetString("public"));
    target.setVersion(SnmpConstants.version2c);
    target.setTimeout(TIMEOUT_MILLIS);
    target.setRetries(0);
    return target;
  }
}
