package io.tunnelwatch.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.lab.ios.IosCli;
import io.tunnelwatch.lab.sim.ReferenceTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Command outputs of R1, 125 s after the lab started, against text written by hand from the real
 * IOS layouts in the shared corpus (trailing blanks are spelled {@code \s}).
 */
class CliOutputTest {
  static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

  private ManualClock clock;
  private ReferenceTopology topology;
  private IosCli r1;
  private IosCli r2;

  @BeforeEach
  void setUp() {
    clock = new ManualClock(START);
    topology = ReferenceTopology.create(clock);
    r1 = new IosCli(topology.r1());
    r2 = new IosCli(topology.r2());
    // 125 s: R1 sent 625 packets (5/s), R2 sent 375 (3/s), 100 bytes each.
    clock.advance(Duration.ofSeconds(125));
  }

  @Test
  void showCryptoSession() {
    assertThat(r1.answer("show crypto session"))
        .isEqualTo(
            """
            Crypto session current status

            Interface: Tunnel10
            Session status: UP-ACTIVE    \s
            Peer: 200.0.0.1 port 500\s
              Session ID: 0 \s
              IKEv1 SA: local 100.0.0.1/500 remote 200.0.0.1/500 Active\s
              IPSEC FLOW: permit 47 host 100.0.0.1 host 200.0.0.1\s
                    Active SAs: 2, origin: crypto map

            """);
  }

  @Test
  void showCryptoSessionDetail() {
    assertThat(r1.answer("show crypto session detail"))
        .isEqualTo(
            """
            Crypto session current status

            Code: C - IKE Configuration mode, D - Dead Peer Detection    \s
            K - Keepalives, N - NAT-traversal, T - cTCP encapsulation    \s
            X - IKE Extended Authentication, F - IKE Fragmentation
            R - IKE Auto Reconnect, U - IKE Dynamic Route Update
            S - SIP VPN

            Interface: Tunnel10
            Uptime: 00:02:05
            Session status: UP-ACTIVE    \s
            Peer: 200.0.0.1 port 500 fvrf: (none) ivrf: (none)
                  Phase1_id: 200.0.0.1
                  Desc: (none)
              Session ID: 0 \s
              IKEv1 SA: local 100.0.0.1/500 remote 200.0.0.1/500 Active\s
                      Capabilities:(none) connid:1001 lifetime:23:57:55
              IPSEC FLOW: permit 47 host 100.0.0.1 host 200.0.0.1\s
                    Active SAs: 2, origin: crypto map
                    Inbound:  #pkts dec'ed 375 drop 0 life (KB/Sec) 4607963/3475
                    Outbound: #pkts enc'ed 625 drop 0 life (KB/Sec) 4607938/3475

            """);
  }

  @Test
  void showCryptoIsakmpSa() {
    String expected =
        """
        IPv4 Crypto ISAKMP SA
        dst             src             state          conn-id status
        200.0.0.1       100.0.0.1       QM_IDLE           1001 ACTIVE
                \s
        IPv6 Crypto ISAKMP SA

        """;
    assertThat(r1.answer("show crypto isakmp sa")).isEqualTo(expected);
    // The initiator is src on both ends, as on real routers.
    assertThat(r2.answer("show crypto isakmp sa")).isEqualTo(expected);
  }

  @Test
  void showCryptoIsakmpSaDetail() {
    assertThat(r1.answer("show crypto isakmp sa detail"))
        .isEqualTo(
            """
            Codes: C - IKE configuration mode, D - Dead Peer Detection
                   K - Keepalives, N - NAT-traversal
                   T - cTCP encapsulation, X - IKE Extended Authentication
                   psk - Preshared key, rsig - RSA signature
                   renc - RSA encryption
            IPv4 Crypto ISAKMP SA
            \s
            C-id  Local           Remote          I-VRF  Status Encr Hash   Auth DH Lifetime Cap.
            \s
            1001  100.0.0.1       200.0.0.1              ACTIVE aes  sha    psk  2  23:57:55   \s
                   Engine-id:Conn-id =  SW:1
                    \s
            IPv6 Crypto ISAKMP SA

            """);
  }

  @Test
  void isakmpDetailColumnsLineUpWithTheHeader() {
    List<String> lines = r1.answer("show crypto isakmp sa detail").lines().toList();
    String header = lines.get(7);
    String row = lines.get(9);
    assertThat(row.indexOf("100.0.0.1")).isEqualTo(header.indexOf("Local"));
    assertThat(row.indexOf("200.0.0.1")).isEqualTo(header.indexOf("Remote"));
    assertThat(row.indexOf("ACTIVE")).isEqualTo(header.indexOf("Status"));
    assertThat(row.indexOf("aes")).isEqualTo(header.indexOf("Encr"));
    assertThat(row.indexOf("sha")).isEqualTo(header.indexOf("Hash"));
    assertThat(row.indexOf("psk")).isEqualTo(header.indexOf("Auth"));
    assertThat(row.indexOf("2 ")).isEqualTo(header.indexOf("DH"));
    assertThat(row.indexOf("23:57:55")).isEqualTo(header.indexOf("Lifetime"));
  }

  @Test
  void showCryptoIpsecSa() {
    assertThat(r1.answer("show crypto ipsec sa"))
        .isEqualTo(
            """
            interface: GigabitEthernet0/0
                Crypto map tag: CMAP, local addr 100.0.0.1

               protected vrf: (none)
               local  ident (addr/mask/prot/port): (100.0.0.1/255.255.255.255/47/0)
               remote ident (addr/mask/prot/port): (200.0.0.1/255.255.255.255/47/0)
               current_peer 200.0.0.1 port 500
                 PERMIT, flags={origin_is_acl,}
                #pkts encaps: 625, #pkts encrypt: 625, #pkts digest: 625
                #pkts decaps: 375, #pkts decrypt: 375, #pkts verify: 375
                #pkts compressed: 0, #pkts decompressed: 0
                #pkts not compressed: 0, #pkts compr. failed: 0
                #pkts not decompressed: 0, #pkts decompress failed: 0
                #send errors 0, #recv errors 0

                 local crypto endpt.: 100.0.0.1, remote crypto endpt.: 200.0.0.1
                 plaintext mtu 1438, path mtu 1500, ip mtu 1500, ip mtu idb GigabitEthernet0/0
                 current outbound spi: 0x1B6D5584(460150148)
                 PFS (Y/N): N, DH group: none

                 inbound esp sas:
                  spi: 0x13F23624(334640676)
                    transform: esp-aes esp-sha-hmac ,
                    in use settings ={Tunnel, }
                    conn id: 2001, flow_id: SW:1, sibling_flags 80000046, crypto map: CMAP
                    sa timing: remaining key lifetime (k/sec): (4607963/3475)
                    IV size: 16 bytes
                    replay detection support: Y
                    Status: ACTIVE(ACTIVE)

                 inbound ah sas:

                 inbound pcp sas:

                 outbound esp sas:
                  spi: 0x1B6D5584(460150148)
                    transform: esp-aes esp-sha-hmac ,
                    in use settings ={Tunnel, }
                    conn id: 2002, flow_id: SW:2, sibling_flags 80000046, crypto map: CMAP
                    sa timing: remaining key lifetime (k/sec): (4607938/3475)
                    IV size: 16 bytes
                    replay detection support: Y
                    Status: ACTIVE(ACTIVE)

                 outbound ah sas:

                 outbound pcp sas:
            """);
  }

  @Test
  void showInterfacesTunnel() {
    String expected =
        """
        Tunnel10 is up, line protocol is up\s
          Hardware is Tunnel
          Internet address is 10.0.0.1/24
          MTU 17916 bytes, BW 100 Kbit/sec, DLY 50000 usec,\s
             reliability 255/255, txload 10/255, rxload 6/255
          Encapsulation TUNNEL, loopback not set
          Keepalive not set
          Tunnel linestate evaluation up
          Tunnel source 100.0.0.1, destination 200.0.0.1
          Tunnel protocol/transport GRE/IP
            Key disabled, sequencing disabled
            Checksumming of packets disabled
          Tunnel TTL 255, Fast tunneling enabled
          Tunnel transport MTU 1476 bytes
          Tunnel transmit bandwidth 8000 (kbps)
          Tunnel receive bandwidth 8000 (kbps)
          Last input 00:00:00, output 00:00:00, output hang never
          Last clearing of "show interface" counters never
          Input queue: 0/375/0/0 (size/max/drops/flushes); Total output drops: 0
          Queueing strategy: fifo
          Output queue: 0/0 (size/max)
          5 minute input rate 2000 bits/sec, 3 packets/sec
          5 minute output rate 4000 bits/sec, 5 packets/sec
             375 packets input, 37500 bytes, 0 no buffer
             Received 0 broadcasts (0 IP multicasts)
             0 runts, 0 giants, 0 throttles\s
             0 input errors, 0 CRC, 0 frame, 0 overrun, 0 ignored, 0 abort
             625 packets output, 62500 bytes, 0 underruns
             0 output errors, 0 collisions, 0 interface resets
             0 unknown protocol drops
             0 output buffer failures, 0 output buffers swapped out
        """;
    assertThat(r1.answer("show interfaces Tunnel10")).isEqualTo(expected);
    assertThat(r1.answer("sh int tu10")).isEqualTo(expected);
    assertThat(r1.answer("show interfaces tunnel 10")).isEqualTo(expected);
  }

  @Test
  void showInterfacesListsEveryInterfaceInOrder() {
    List<String> headers =
        r1.answer("show interfaces").lines().filter(l -> !l.startsWith(" ")).toList();
    assertThat(headers)
        .containsExactly(
            "GigabitEthernet0/0 is up, line protocol is up ",
            "GigabitEthernet0/1 is up, line protocol is up ",
            "Tunnel10 is up, line protocol is up ");
    String wan = r1.answer("show interfaces GigabitEthernet0/0");
    assertThat(wan)
        .contains("  Hardware is iGbE, address is 5254.0012.0100 (bia 5254.0012.0100)\n")
        .contains("  Internet address is 100.0.0.1/24\n")
        .contains("  MTU 1500 bytes, BW 1000000 Kbit/sec, DLY 10 usec, \n")
        .contains("  Input queue: 0/75/0/0 (size/max/drops/flushes); Total output drops: 0\n")
        .containsPattern("\n     \\d+ packets input, \\d+ bytes, 0 no buffer\n");
    assertThat(r1.answer("sh int g0/1")).contains("Internet address is 192.168.1.1/24");
  }

  @Test
  void showProcessesCpu() {
    List<String> lines = r1.answer("show processes cpu").lines().toList();
    assertThat(lines.get(0))
        .matches(
            "CPU utilization for five seconds: \\d%/\\d%; one minute: \\d%; five minutes: \\d%");
    // Header and row layout copied from a real IOS capture.
    assertThat(lines.get(1))
        .isEqualTo(" PID Runtime(ms)     Invoked      uSecs   5Sec   1Min   5Min TTY Process ");
    // The fixed-width row layout, which a row from a real IOS capture satisfies too.
    String row =
        "[ \\d]{3}\\d( [ \\d]{10}\\d){2} [ \\d]{9}\\d( [ \\d]\\d\\.\\d\\d%){3} [ \\d]{2}\\d .{16} ";
    assertThat("   1          15        1016         14  0.00%  0.00%  0.00%   0 Chunk Manager    ")
        .matches(row);
    assertThat(lines.subList(2, lines.size())).hasSizeGreaterThan(5).allMatch(l -> l.matches(row));
    assertThat(r1.answer("show processes cpu | include CPU utilization"))
        .isEqualTo(lines.get(0) + "\n");
  }

  @Test
  void showVersionAndClock() {
    assertThat(r1.answer("show version"))
        .startsWith("Cisco IOS Software, IOSv Software (VIOS-ADVENTERPRISEK9-M), Version 15.6(2)T")
        .contains("\nR1 uptime is 1 day, 2 hours, 5 minutes\n");
    assertThat(r2.answer("show version")).contains("\nR2 uptime is 1 day, 2 hours, 0 minutes\n");
    assertThat(r1.answer("show clock")).isEqualTo("*10:02:05.000 UTC Mon Mar 2 2026\n");
  }

  @Test
  void invalidInputPutsTheCaretUnderTheFirstBadCharacter() {
    assertThat(r1.answer("show crypto foo"))
        .isEqualTo(
            """
                           ^
            % Invalid input detected at '^' marker.

            """);
    // "R1#" + "show interfaces " = 19 columns before "tunnel".
    assertThat(r1.answer("show interfaces tunnel 99"))
        .startsWith(" ".repeat(19) + "^\n% Invalid input detected");
    assertThat(r1.answer("show crypto isakmp sa detail extra")).startsWith(" ".repeat(32) + "^\n");
  }

  @Test
  void incompleteAndUnknownCommands() {
    assertThat(r1.answer("show crypto")).isEqualTo("% Incomplete command.\n\n");
    assertThat(r1.answer("terminal length")).isEqualTo("% Incomplete command.\n\n");
    assertThat(r1.answer("show interfaces tunnel")).isEqualTo("% Incomplete command.\n\n");
    assertThat(r1.answer("sh c")).isEqualTo("% Ambiguous command:  \"sh c\"\n");
    assertThat(r1.answer("frobnicate"))
        .isEqualTo("% Unknown command or computer name, or unable to find computer address\n");
  }

  @Test
  void ipsecSasOfOnePeerAreTheThatPeersFlowsUnderTheSameHeader() {
    String all = r1.answer("show crypto ipsec sa");

    assertThat(r1.answer("show crypto ipsec sa peer 200.0.0.1")).isEqualTo(all);
    assertThat(r1.answer("show crypto ipsec sa peer 203.0.113.7"))
        .startsWith("interface: GigabitEthernet0/0")
        .doesNotContain("current_peer");
    assertThat(r1.answer("show crypto ipsec sa peer")).isEqualTo("% Incomplete command.\n");
  }

  @Test
  void abbreviationsExpandToTheFullCommand() {
    assertThat(r1.answer("sh cry isa sa")).isEqualTo(r1.answer("show crypto isakmp sa"));
    assertThat(r1.answer("sh cry sess det")).isEqualTo(r1.answer("show crypto session detail"));
    assertThat(r1.answer("SHOW CRYPTO IPSEC SA")).isEqualTo(r1.answer("show crypto ipsec sa"));
    assertThat(r1.answer("sh proc cpu | i CPU")).startsWith("CPU utilization");
  }

  @Test
  void pipes() {
    assertThat(r1.answer("show crypto ipsec sa | include #pkts (en|de)caps"))
        .isEqualTo(
            """
                #pkts encaps: 625, #pkts encrypt: 625, #pkts digest: 625
                #pkts decaps: 375, #pkts decrypt: 375, #pkts verify: 375
            """);
    assertThat(r1.answer("show crypto session | exclude ^ ")).doesNotContain("Session ID");
    assertThat(r1.answer("show interfaces | begin Tunnel")).startsWith("Tunnel10 is up");
    String section = r1.answer("show interfaces | section ^Tunnel");
    assertThat(section).startsWith("Tunnel10 is up").contains("Tunnel protocol/transport GRE/IP");
    assertThat(section).doesNotContain("GigabitEthernet");
    assertThat(r1.answer("show clock | foo")).startsWith(" ".repeat(16) + "^\n");
  }

  @Test
  void peerShowsTheMirrorImage() {
    assertThat(r2.answer("show crypto session"))
        .contains("Interface: Tunnel12\n")
        .contains("Peer: 100.0.0.1 port 500 \n")
        .contains("IKEv1 SA: local 200.0.0.1/500 remote 100.0.0.1/500 Active \n")
        .contains("IPSEC FLOW: permit 47 host 200.0.0.1 host 100.0.0.1 \n");
    assertThat(r2.answer("show crypto ipsec sa"))
        .contains("#pkts encaps: 375, #pkts encrypt: 375, #pkts digest: 375\n")
        .contains("#pkts decaps: 625, #pkts decrypt: 625, #pkts verify: 625\n")
        .contains("current outbound spi: 0x13F23624(334640676)\n");
    assertThat(r2.answer("show interfaces Tunnel12"))
        .contains("  Tunnel source 200.0.0.1, destination 100.0.0.1\n")
        .contains("  Internet address is 10.0.0.2/24\n");
  }

  @Test
  void tunnelDownShowsNoSas() {
    topology.link().setUp(false);
    clock.advance(Duration.ofSeconds(5));
    assertThat(r1.answer("show crypto session"))
        .isEqualTo(
            """
            Crypto session current status

            Interface: Tunnel10
            Session status: DOWN         \s
            Peer: 200.0.0.1 port 500\s
              IPSEC FLOW: permit 47 host 100.0.0.1 host 200.0.0.1\s
                    Active SAs: 0, origin: crypto map

            """);
    assertThat(r1.answer("show crypto isakmp sa").lines().toList())
        .containsExactly(
            "IPv4 Crypto ISAKMP SA",
            "dst             src             state          conn-id status",
            "         ",
            "IPv6 Crypto ISAKMP SA",
            "");
    assertThat(r1.answer("show crypto ipsec sa"))
        .contains("    #pkts encaps: 0, #pkts encrypt: 0, #pkts digest: 0\n")
        .contains("     current outbound spi: 0x0(0)\n")
        .contains("     inbound esp sas:\n\n     inbound ah sas:\n")
        .contains("     outbound esp sas:\n\n     outbound ah sas:\n");
    assertThat(r1.answer("show interfaces Tunnel10"))
        .startsWith("Tunnel10 is up, line protocol is down \n")
        .contains("  Last input 00:00:05, output 00:00:05, output hang never\n")
        .contains("     625 packets output, 62500 bytes, 0 underruns\n");
  }
}
