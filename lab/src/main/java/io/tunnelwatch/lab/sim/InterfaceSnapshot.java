package io.tunnelwatch.lab.sim;

import java.time.Duration;

/**
 * One interface at one instant, with the counters {@code show interfaces} prints.
 *
 * @param tunnel the tunnel configuration; null for Ethernet ports
 * @param mac null for tunnels
 * @param sinceLastInput time since the last received packet; null for "never"
 * @param sinceLastOutput time since the last sent packet; null for "never"
 */
public record InterfaceSnapshot(
    String name,
    boolean lineUp,
    Ipv4Prefix address,
    String mac,
    TunnelPort tunnel,
    long packetsIn,
    long bytesIn,
    long packetsOut,
    long bytesOut,
    long broadcastsIn,
    long inputBitsPerSecond,
    long inputPacketsPerSecond,
    long outputBitsPerSecond,
    long outputPacketsPerSecond,
    Duration sinceLastInput,
    Duration sinceLastOutput) {

  public boolean isTunnel() {
    return tunnel != null;
  }
}
