package io.tunnelwatch.ios.config;

/** The outputs the lab routers print, healthy and with each configuration fault. */
final class LabTexts {

  private LabTexts() {}

  static String crypto(String self, String peer, String psk) {
    return policy("aes 256", "sha", "2")
        + keyLine(psk, peer)
        + transformSet("esp-aes esp-sha-hmac")
        + map(peer)
        + wan(self);
  }

  static String policy(String encr, String hash, String group) {
    return "crypto isakmp policy 10\n"
        + " encr "
        + encr
        + "\n"
        + " hash "
        + hash
        + "\n"
        + " authentication pre-share\n"
        + " group "
        + group
        + "\n"
        + " lifetime 86400\n";
  }

  static String keyLine(String psk, String peer) {
    return "crypto isakmp key " + psk + " address " + peer + "\n";
  }

  static String transformSet(String transforms) {
    return "crypto ipsec transform-set TS-SET " + transforms + "\n mode tunnel\n";
  }

  static String map(String peer) {
    return "crypto map CMAP 10 ipsec-isakmp\n"
        + " set peer "
        + peer
        + "\n"
        + " set transform-set TS-SET\n"
        + " match address VPN-TRAFFIC\n";
  }

  static String wan(String self) {
    return "interface GigabitEthernet0/0\n"
        + " ip address "
        + self
        + " 255.255.255.0\n"
        + " duplex auto\n"
        + " speed auto\n"
        + " media-type rj45\n"
        + " crypto map CMAP\n";
  }

  static final String R1_CRYPTO = crypto("100.0.0.1", "200.0.0.1", "unnets@123");

  static final String R1_ACL =
      "Extended IP access list VPN-TRAFFIC\n"
          + "    10 permit gre host 100.0.0.1 host 200.0.0.1 (12 matches)\n";

  static final String R1_TUNNEL =
      "Building configuration...\n"
          + "\n"
          + "Current configuration : 129 bytes\n"
          + "!\n"
          + "interface Tunnel10\n"
          + " ip address 10.0.0.1 255.255.255.0\n"
          + " tunnel source 100.0.0.1\n"
          + " tunnel destination 200.0.0.1\n"
          + "end\n";
}
