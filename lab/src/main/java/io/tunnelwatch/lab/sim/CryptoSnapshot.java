package io.tunnelwatch.lab.sim;

import java.time.Duration;

/**
 * The crypto state of one router towards its peer at one instant, from that router's point of view.
 *
 * @param tunnelInterface the GRE tunnel the session is reported on ({@code show crypto session})
 * @param sessionUptime how long the session has been up; null while down
 * @param ike the IKE SA; null while down
 * @param inbound the inbound ESP SA; null while down
 * @param outbound the outbound ESP SA; null while down
 * @param encapsulated {@code #pkts encaps/encrypt/digest}
 * @param decapsulated {@code #pkts decaps/decrypt/verify}
 * @param encapsulatedBytes plaintext bytes of the {@code encapsulated} packets (SNMP octet
 *     counters)
 * @param decapsulatedBytes plaintext bytes of the {@code decapsulated} packets
 */
public record CryptoSnapshot(
    CryptoConfig config,
    String tunnelInterface,
    String localAddress,
    String peerAddress,
    SessionStatus status,
    Duration sessionUptime,
    IkeView ike,
    EspSaView inbound,
    EspSaView outbound,
    long encapsulated,
    long decapsulated,
    long encapsulatedBytes,
    long decapsulatedBytes) {

  /** The {@code Session status:} values this lab produces. */
  public enum SessionStatus {
    UP_ACTIVE("UP-ACTIVE"),
    DOWN("DOWN");

    private final String text;

    SessionStatus(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  /**
   * The IKE SA as one router sees it.
   *
   * @param destination the responder's address (IOS {@code dst}); the same on both routers
   * @param source the initiator's address (IOS {@code src})
   */
  public record IkeView(
      int connId, int engineConnId, String destination, String source, long remainingSeconds) {}

  /** One ESP SA as one router sees it. */
  public record EspSaView(
      long spi, int connId, int flowId, long remainingKilobytes, long remainingSeconds) {}
}
