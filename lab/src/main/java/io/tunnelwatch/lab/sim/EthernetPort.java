package io.tunnelwatch.lab.sim;

/**
 * A physical Ethernet interface of a simulated router.
 *
 * @param name full IOS name, e.g. {@code GigabitEthernet0/0}
 * @param address the configured address
 * @param mac burned-in address in IOS dotted form ({@code 5254.00ab.cd01})
 * @param role what the port faces, which decides which simulated traffic crosses it
 */
public record EthernetPort(String name, Ipv4Prefix address, String mac, Role role) {

  /** Which side of the router a port faces. */
  public enum Role {
    /** The internet uplink: carries ESP and IKE to the peer. */
    WAN,
    /** The site LAN: carries the plaintext traffic that enters and leaves the tunnel. */
    LAN
  }
}
