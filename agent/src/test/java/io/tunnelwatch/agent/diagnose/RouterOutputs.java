package io.tunnelwatch.agent.diagnose;

/** IOS outputs in the real format, for the ladder's unit tests. */
final class RouterOutputs {

  private RouterOutputs() {}

  static String tunnel10(String status, String lineProtocol) {
    return """
        Tunnel10 is %s, line protocol is %s
          Hardware is Tunnel
          Internet address is 10.0.0.1/30
          MTU 17916 bytes, BW 100 Kbit/sec, DLY 50000 usec,
             reliability 255/255, txload 1/255, rxload 1/255
          Encapsulation TUNNEL, loopback not set
          Keepalive not set
          Tunnel linestate evaluation up
          Tunnel source 100.0.0.1, destination 200.0.0.1
          Tunnel protocol/transport GRE/IP
          Last input 00:00:01, output 00:00:01, output hang never
             5 packets input, 600 bytes, 0 no buffer
             5 packets output, 600 bytes, 0 underruns
        """
        .formatted(status, lineProtocol);
  }

  static String ping(String target, int received) {
    String bangs = "!".repeat(received) + ".".repeat(5 - received);
    String rate =
        received == 0
            ? "Success rate is 0 percent (0/5)"
            : "Success rate is "
                + received * 20
                + " percent ("
                + received
                + "/5), round-trip min/avg/max = 1/1/2 ms";
    return """
        Type escape sequence to abort.
        Sending 5, 100-byte ICMP Echos to %s, timeout is 1 seconds:
        %s
        %s
        """
        .formatted(target, bangs, rate);
  }

  static String isakmp(String state) {
    return """
        IPv4 Crypto ISAKMP SA
        dst             src             state          conn-id status
        200.0.0.1       100.0.0.1       %-14s    1001 ACTIVE

        IPv6 Crypto ISAKMP SA

        """
        .formatted(state);
  }

  static String ipsec(long encrypted, long decrypted, boolean sasUp) {
    String sas =
        sasUp
            ? """
                 inbound esp sas:
                  spi: 0x1A2B3C4D(439041101)
                    transform: esp-aes esp-sha-hmac ,
                    in use settings ={Tunnel, }
                    conn id: 2001, flow_id: SW:1, sibling_flags 80000046, crypto map: CMAP
                    sa timing: remaining key lifetime (k/sec): (4608000/3540)
                    IV size: 16 bytes
                    replay detection support: Y
                    Status: ACTIVE

                 inbound ah sas:

                 inbound pcp sas:

                 outbound esp sas:
                  spi: 0x5E6F7A8B(1584364171)
                    transform: esp-aes esp-sha-hmac ,
                    in use settings ={Tunnel, }
                    conn id: 2002, flow_id: SW:2, sibling_flags 80000046, crypto map: CMAP
                    sa timing: remaining key lifetime (k/sec): (4608000/3540)
                    IV size: 16 bytes
                    replay detection support: Y
                    Status: ACTIVE

                 outbound ah sas:

                 outbound pcp sas:
            """
            : """
                 inbound esp sas:

                 inbound ah sas:

                 inbound pcp sas:

                 outbound esp sas:

                 outbound ah sas:

                 outbound pcp sas:
            """;
    return """
        interface: GigabitEthernet0/0
            Crypto map tag: CMAP, local addr 100.0.0.1

           protected vrf: (none)
           local  ident (addr/mask/prot/port): (100.0.0.1/255.255.255.255/47/0)
           remote ident (addr/mask/prot/port): (200.0.0.1/255.255.255.255/47/0)
           current_peer 200.0.0.1 port 500
             PERMIT, flags={origin_is_acl,}
            #pkts encaps: %d, #pkts encrypt: %d, #pkts digest: %d
            #pkts decaps: %d, #pkts decrypt: %d, #pkts verify: %d
            #pkts compressed: 0, #pkts decompressed: 0
            #pkts not compressed: 0, #pkts compr. failed: 0
            #pkts not decompressed: 0, #pkts decompress failed: 0
            #send errors 0, #recv errors 0

             local crypto endpt.: 100.0.0.1, remote crypto endpt.: 200.0.0.1
             plaintext mtu 1438, path mtu 1500, ip mtu 1500, ip mtu idb GigabitEthernet0/0
             current outbound spi: 0x5E6F7A8B(1584364171)
             PFS (Y/N): N, DH group: none

        %s
        """
        .formatted(encrypted, encrypted, encrypted, decrypted, decrypted, decrypted, sas);
  }
}
