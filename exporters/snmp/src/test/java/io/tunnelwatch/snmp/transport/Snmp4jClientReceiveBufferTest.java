package io.tunnelwatch.snmp.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import org.junit.jupiter.api.Test;

/**
 * The client's one socket takes the answers to a whole request window in a burst: its receive
 * buffer grows with the window instead of staying at the kernel's default (the scale benchmark lost
 * thousands of answers on 208 KiB with 256 requests in flight).
 */
class Snmp4jClientReceiveBufferTest {

  @Test
  void asksForSixteenKilobytesPerRequestWithinBounds() {
    assertThat(Snmp4jClient.receiveBufferBytes(256)).isEqualTo(4 * 1024 * 1024);
    assertThat(Snmp4jClient.receiveBufferBytes(1)).isEqualTo(Snmp4jClient.MIN_RECEIVE_BUFFER);
    assertThat(Snmp4jClient.receiveBufferBytes(4096)).isEqualTo(Snmp4jClient.MAX_RECEIVE_BUFFER);
    assertThat(Snmp4jClient.receiveBufferBytes(Integer.MAX_VALUE))
        .isEqualTo(Snmp4jClient.MAX_RECEIVE_BUFFER);
  }

  @Test
  void theSocketGetsWhatTheKernelAllowsForTheWindow() throws Exception {
    int wanted = Snmp4jClient.receiveBufferBytes(Snmp4jClient.DEFAULT_MAX_CONCURRENT_REQUESTS);
    int kernelDefault;
    int allowed;
    try (DatagramSocket plain = new DatagramSocket()) {
      kernelDefault = plain.getReceiveBufferSize();
      plain.setReceiveBufferSize(wanted);
      allowed = plain.getReceiveBufferSize();
    }

    try (Snmp4jClient client = Snmp4jClient.open()) {
      assertThat(client.socketReceiveBufferSize()).isEqualTo(allowed);
      if (allowed > kernelDefault) {
        assertThat(client.socketReceiveBufferSize()).isGreaterThan(kernelDefault);
      }
    }
  }
}
