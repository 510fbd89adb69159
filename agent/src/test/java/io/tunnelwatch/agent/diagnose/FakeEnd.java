package io.tunnelwatch.agent.diagnose;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One end of the reference topology as the diagnose logic tests need it: IOS outputs in the real
 * format, with the settings a test changes.
 */
final class FakeEnd {

  final String name;
  final String publicAddress;
  final String peerAddress;
  final String tunnel;
  final String tunnelAddress;
  String key = "unnets@123";
  String isakmpState = "QM_IDLE";
  int tunnelPingReplies = 5;
  boolean mayReadConfig = true;

  /** A second crypto map entry, for a peer no tunnel leads to (IPsec without GRE). */
  Optional<String> plainCryptoPeer = Optional.empty();

  private final AtomicInteger ipsecReads = new AtomicInteger();
  final FakeRouter session = new FakeRouter(this::answer);

  FakeEnd(
      String name, String publicAddress, String peerAddress, String tunnel, String tunnelAddress) {
    this.name = name;
    this.publicAddress = publicAddress;
    this.peerAddress = peerAddress;
    this.tunnel = tunnel;
    this.tunnelAddress = tunnelAddress;
  }

  static FakeEnd r1() {
    return new FakeEnd("R1", "100.0.0.1", "200.0.0.1", "Tunnel10", "10.0.0.1");
  }

  static FakeEnd r2() {
    return new FakeEnd("R2", "200.0.0.1", "100.0.0.1", "Tunnel12", "10.0.0.2");
  }

  private String answer(String command) {
    if (command.equals("show interfaces")) {
      return gigabit() + tunnelInterface();
    }
    if (command.startsWith("ping " + peerAddress)) {
      return RouterOutputs.ping(peerAddress, 5);
    }
    if (command.startsWith("ping 10.0.0.")) {
      return RouterOutputs.ping(command.split(" ")[1], tunnelPingReplies);
    }
    if (command.startsWith("ping ")) {
      return RouterOutputs.ping(command.split(" ")[1], 0);
    }
    if (command.equals("show crypto isakmp sa")) {
      return """
          IPv4 Crypto ISAKMP SA
          dst             src             state          conn-id status
          %-15s %-15s %-14s    1001 ACTIVE

          """
          .formatted(peerAddress, publicAddress, isakmpState);
    }
    if (command.equals("show crypto ipsec sa peer " + peerAddress)) {
      int n = ipsecReads.getAndIncrement();
      return RouterOutputs.ipsec(100 + 5L * n, 100 + 5L * n, true)
          .replace("100.0.0.1", "@LOCAL@")
          .replace("200.0.0.1", peerAddress)
          .replace("@LOCAL@", publicAddress);
    }
    if (command.startsWith("show running-config") && !mayReadConfig) {
      return """
          show running-config | section crypto
               ^
          % Invalid input detected at '^' marker.
          """;
    }
    if (command.equals("show running-config | section crypto")) {
      return """
          crypto isakmp policy 10
           encr aes 256
           hash sha
           authentication pre-share
           group 2
           lifetime 86400
          crypto isakmp key %s address %s
          crypto ipsec transform-set TS-SET esp-aes esp-sha-hmac
           mode tunnel
          crypto map CMAP 10 ipsec-isakmp
           set peer %s
           set transform-set TS-SET
           match address VPN-TRAFFIC
          %sinterface GigabitEthernet0/0
           ip address %s 255.255.255.0
           crypto map CMAP
          """
          .formatted(
              key,
              peerAddress,
              peerAddress,
              plainCryptoPeer
                  .map(
                      p ->
                          "crypto map CMAP 20 ipsec-isakmp\n set peer "
                              + p
                              + "\n set transform-set TS-SET\n match address VPN-TRAFFIC\n")
                  .orElse(""),
              publicAddress);
    }
    if (command.equals("show running-config interface " + tunnel)) {
      return """
          Building configuration...

          Current configuration : 116 bytes
          !
          interface %s
           ip address %s 255.255.255.0
           tunnel source %s
           tunnel destination %s
          end

          """
          .formatted(tunnel, tunnelAddress, publicAddress, peerAddress);
    }
    if (command.equals("show ip access-lists")) {
      return """
          Extended IP access list VPN-TRAFFIC
              10 permit gre host %s host %s (12 matches)
          """
          .formatted(publicAddress, peerAddress);
    }
    return "% Invalid input detected at '^' marker.\n";
  }

  private String gigabit() {
    return """
        GigabitEthernet0/0 is up, line protocol is up
          Hardware is iGbE, address is 5254.0012.0001 (bia 5254.0012.0001)
          Internet address is %s/24
          MTU 1500 bytes, BW 1000000 Kbit/sec, DLY 10 usec,
             reliability 255/255, txload 1/255, rxload 1/255
          Encapsulation ARPA, loopback not set
        """
        .formatted(publicAddress);
  }

  private String tunnelInterface() {
    return """
        %s is up, line protocol is up
          Hardware is Tunnel
          Internet address is %s/24
          MTU 17916 bytes, BW 100 Kbit/sec, DLY 50000 usec,
             reliability 255/255, txload 1/255, rxload 1/255
          Encapsulation TUNNEL, loopback not set
          Keepalive not set
          Tunnel source %s, destination %s
          Tunnel protocol/transport GRE/IP
        """
        .formatted(tunnel, tunnelAddress, publicAddress, peerAddress);
  }
}
