package io.tunnelwatch.lab.sim;

import java.time.Duration;

/**
 * The crypto state of one router towards its peer at one instant, from that router's point of view.
 *
 * @param tunnelInterface the GRE tunnel the session is reported on ({@code show crypto session})
 * @param sessionUptime how long the IKE session has been up; null without an established IKE SA
 * @param ike the IKE SA, established or a failing attempt; null while down
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
    /** IKE SA up, no IPsec SA. */
    UP_IDLE("UP-IDLE"),
    /** IKE is being (re)tried without success. */
    DOWN_NEGOTIATING("DOWN-NEGOTIATING"),
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
   * @param state the ISAKMP state IOS prints: {@code QM_IDLE} once established, {@code MM_NO_STATE}
   *     / {@code MM_KEY_EXCH} while main mode fails
   * @param status {@code ACTIVE}, or {@code ACTIVE (deleted)} for a failed attempt being removed
   * @param tunnelIndex the MIB's {@code cikeTunIndex} of this SA
   */
  public record IkeView(
      int connId,
      int engineConnId,
      String destination,
      String source,
      long remainingSeconds,
      String state,
      String status,
      int tunnelIndex) {

    /** True once main mode and authentication completed. */
    public boolean established() {
      return "QM_IDLE".equals(state);
    }
  }

  /**
   * One ESP SA as one router sees it.
   *
   * @param packets packets protected by this SA so far (encrypted on an outbound SA, decrypted on
   *     an inbound one); a new SA starts at 0
   * @param octets the plaintext octets of those packets
   * @param tunnelIndex the MIB's {@code cipSecTunIndex} of the SA pair
   */
  public record EspSaView(
      long spi,
      int connId,
      int flowId,
      long remainingKilobytes,
      long remainingSeconds,
      long packets,
      long octets,
      int tunnelIndex) {}
}
