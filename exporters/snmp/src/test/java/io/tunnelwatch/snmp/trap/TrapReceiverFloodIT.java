package io.tunnelwatch.snmp.trap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunnelwatch.core.model.Observation;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * A device that floods the receiver, and datagrams that are no SNMP at all: the flood costs its
 * rate limit and no more, and every datagram is counted under exactly one outcome.
 */
class TrapReceiverFloodIT {

  private static final String COMMUNITY = "trap-community";

  private final List<Observation> observations = new CopyOnWriteArrayList<>();
  private TrapReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    receiver =
        TrapReceiver.start(
            new TrapReceiverConfig(
                new InetSocketAddress(loopback, 0),
                List.of(COMMUNITY),
                List.of(),
                new TrapRateLimit(1, 20),
                new TrapRateLimit(1000, 1000)),
            source -> source.equals(loopback) ? Optional.of("R1") : Optional.empty(),
            observations::add,
            Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    receiver.close();
  }

  private static long outcomes(TrapCounts c) {
    return c.accepted()
        + c.unknownSource()
        + c.badCommunity()
        + c.unsupported()
        + c.rateLimited()
        + c.malformed();
  }

  private static final int BATCH = 25;

  @Test
  void aFloodingDeviceGetsItsBurstAndTheRestIsCountedAsRateLimited() throws Exception {
    int sent = 300;
    try (Snmp sender = new Snmp(new DefaultUdpTransportMapping())) {
      CommunityTarget<UdpAddress> target =
          new CommunityTarget<>(
              new UdpAddress(InetAddress.getByName("127.0.0.1"), receiver.localAddress().getPort()),
              new OctetString(COMMUNITY));
      target.setVersion(SnmpConstants.version2c);
      for (int i = 0; i < sent; i++) {
        PDU trap = new PDU();
        trap.setType(PDU.TRAP);
        trap.add(new VariableBinding(SnmpConstants.sysUpTime, new org.snmp4j.smi.TimeTicks(i)));
        trap.add(new VariableBinding(SnmpConstants.snmpTrapOID, SnmpConstants.linkDown));
        trap.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.1.7"), new Integer32(7)));
        trap.add(
            new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.2.7"), new OctetString("Tunnel" + i)));
        sender.send(trap, target);
        int sentSoFar = i + 1;
        if (sentSoFar % BATCH == 0) {
          // A busy machine's socket buffer drops a burst of hundreds; batches it takes whole.
          await()
              .atMost(Duration.ofSeconds(5))
              .until(() -> receiver.counts().received() >= sentSoFar - 5);
        }
      }
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.counts().received() >= sent - 5);
    TrapCounts counts = receiver.counts();
    // The burst and at most a few seconds' worth of the rate: the flood took well under 10 s.
    assertThat(counts.accepted()).isBetween(20L, 30L);
    assertThat(counts.rateLimited()).isGreaterThanOrEqualTo(counts.received() - 30);
    assertThat(observations).hasSize((int) counts.accepted());
    assertThat(outcomes(counts)).isEqualTo(counts.received());
  }

  @Test
  void datagramsThatAreNoSnmpAreCountedAsMalformed() throws Exception {
    try (DatagramSocket socket = new DatagramSocket()) {
      for (int i = 0; i < 40; i++) {
        byte[] garbage = ("not snmp " + i).getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(garbage, garbage.length, receiver.localAddress()));
      }
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> receiver.counts().malformed() == 40);
    TrapCounts counts = receiver.counts();
    assertThat(counts.received()).isEqualTo(40);
    assertThat(outcomes(counts)).isEqualTo(counts.received());
    assertThat(observations).isEmpty();
  }
}
