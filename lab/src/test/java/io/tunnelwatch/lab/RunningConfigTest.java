package io.tunnelwatch.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunnelwatch.lab.ios.IosCli;
import io.tunnelwatch.lab.sim.ReferenceTopology;
import io.tunnelwatch.lab.sim.ScaleTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code show running-config} of the healthy reference routers, and the filters applied to it. */
class RunningConfigTest {
  private IosCli r1;
  private IosCli r2;

  @BeforeEach
  void setUp() {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    ReferenceTopology topology = ReferenceTopology.create(clock);
    r1 = new IosCli(topology.r1());
    r2 = new IosCli(topology.r2());
    clock.advance(Duration.ofSeconds(125));
  }

  @Test
  void sectionCryptoListsEveryBlockMentioningCryptoWhole() {
    assertThat(r1.answer("show running-config | section crypto"))
        .isEqualTo(
            """
            crypto isakmp policy 10
             encr aes 256
             hash sha
             authentication pre-share
             group 2
             lifetime 86400
            crypto isakmp key unnets@123 address 200.0.0.1
            crypto ipsec transform-set TS-SET esp-aes esp-sha-hmac
             mode tunnel
            crypto map CMAP 10 ipsec-isakmp
             set peer 200.0.0.1
             set transform-set TS-SET
             match address VPN-TRAFFIC
            interface GigabitEthernet0/0
             ip address 100.0.0.1 255.255.255.0
             duplex auto
             speed auto
             media-type rj45
             crypto map CMAP
            """);
  }

  @Test
  void peerHasTheMirrorImage() {
    assertThat(r2.answer("sh run | sec crypto"))
        .contains("crypto isakmp key unnets@123 address 100.0.0.1\n")
        .contains("crypto map CMAP 10 ipsec-isakmp\n set peer 100.0.0.1\n")
        .contains("interface GigabitEthernet0/0\n ip address 200.0.0.1 255.255.255.0\n");
    assertThat(r2.answer("show running-config | section access-list"))
        .isEqualTo(
            """
            ip access-list extended VPN-TRAFFIC
             permit gre host 200.0.0.1 host 100.0.0.1
            """);
  }

  @Test
  void runningConfigOfOneInterface() {
    // 116 = the bytes printed after the count line ("!", the block, "end", the blank line).
    assertThat(r1.answer("show running-config interface Tunnel10"))
        .isEqualTo(
            """
            Building configuration...

            Current configuration : 116 bytes
            !
            interface Tunnel10
             ip address 10.0.0.1 255.255.255.0
             tunnel source 100.0.0.1
             tunnel destination 200.0.0.1
            end

            """);
    assertThat(r1.answer("sh run int tu10"))
        .isEqualTo(r1.answer("show running-config interface Tunnel 10"))
        .isEqualTo(r1.answer("show running-config interface Tunnel10"));
    assertThat(r2.answer("show running-config interface Tunnel12"))
        .contains(" tunnel source 200.0.0.1\n tunnel destination 100.0.0.1\n");
    assertThat(r1.answer("show running-config interface GigabitEthernet0/1"))
        .isEqualTo(
            """
            Building configuration...

            Current configuration : 116 bytes
            !
            interface GigabitEthernet0/1
             ip address 192.168.1.1 255.255.255.0
             duplex auto
             speed auto
             media-type rj45
            end

            """);
  }

  @Test
  void byteCountIsWhatFollowsTheCountLine() {
    for (String command :
        new String[] {"show running-config", "show running-config interface GigabitEthernet0/0"}) {
      String text = r1.answer(command);
      Matcher count = Pattern.compile("Current configuration : (\\d+) bytes\n").matcher(text);
      assertThat(count.find()).as(command).isTrue();
      assertThat(text.substring(count.end())).hasSize(Integer.parseInt(count.group(1)));
    }
  }

  @Test
  void fullConfigurationHasEveryPartInIosOrder() {
    String config = r1.answer("show running-config");
    assertThat(config)
        .startsWith("Building configuration...\n\nCurrent configuration : ")
        .contains("\n!\nversion 15.6\n")
        .contains("\nhostname R1\n")
        .endsWith("\nend\n\n");
    assertThat(r1.answer("show running-config | include ^interface|^ip route|^ip access-list"))
        .isEqualTo(
            """
            interface Tunnel10
            interface GigabitEthernet0/0
            interface GigabitEthernet0/1
            ip route 0.0.0.0 0.0.0.0 100.0.0.254
            ip route 172.1.1.0 255.255.255.0 Tunnel10
            ip access-list extended VPN-TRAFFIC
            """);
    assertThat(r1.answer("show running-config | begin ^ip access-list"))
        .startsWith(
            "ip access-list extended VPN-TRAFFIC\n permit gre host 100.0.0.1 host 200.0.0.1\n!")
        .endsWith("!\nend\n\n");
    assertThat(config).doesNotContain("cisco").doesNotContain("admin");
  }

  @Test
  void sectionMatchingOnlyChildrenStillPrintsTheirWholeBlocks() {
    assertThat(r1.answer("show running-config | section media-type"))
        .isEqualTo(
            """
            interface GigabitEthernet0/0
             ip address 100.0.0.1 255.255.255.0
             duplex auto
             speed auto
             media-type rj45
             crypto map CMAP
            interface GigabitEthernet0/1
             ip address 192.168.1.1 255.255.255.0
             duplex auto
             speed auto
             media-type rj45
            """);
    assertThat(r1.answer("show running-config | section tunnel destination"))
        .isEqualTo(
            """
            interface Tunnel10
             ip address 10.0.0.1 255.255.255.0
             tunnel source 100.0.0.1
             tunnel destination 200.0.0.1
            """);
  }

  @Test
  void aRouterWithSeveralTunnelsHasOneCryptoMapEntryKeyAndAclPerPeer() {
    ManualClock clock = new ManualClock(Instant.parse("2026-03-02T10:00:00Z"));
    IosCli router = new IosCli(ScaleTopology.create(clock, 4, 2).get(0));
    String config = router.answer("show running-config");
    assertThat(
            router.answer(
                "show running-config | include ^crypto map|^ip access-list|^interface Tu"))
        .hasLineCount(6);
    assertThat(router.answer("show running-config | include isakmp key")).hasLineCount(2);
    assertThat(router.answer("show ip access-lists")).contains("VPN-TRAFFIC-2");
    assertThat(config).contains(" match address VPN-TRAFFIC\n", " match address VPN-TRAFFIC-2\n");
  }

  @Test
  void badInterfacesAreRejectedAsIosDoes() {
    String caretUnderTheName =
        " ".repeat("R1#show running-config interface ".length())
            + "^\n% Invalid input detected at '^' marker.\n\n";
    assertThat(r1.answer("show running-config interface Tunnel99")).isEqualTo(caretUnderTheName);
    assertThat(r1.answer("show running-config interface Loopback0")).isEqualTo(caretUnderTheName);
    assertThat(r1.answer("show running-config interface")).isEqualTo("% Incomplete command.\n\n");
    assertThat(r1.answer("show running-config interface tunnel"))
        .isEqualTo("% Incomplete command.\n\n");
  }

  @Test
  void accessListsWithTheirMatches() {
    // 125 s at 5 packets/s: the crypto ACL selected 625 GRE packets for encryption.
    String expected =
        """
        Extended IP access list VPN-TRAFFIC
            10 permit gre host 100.0.0.1 host 200.0.0.1 (625 matches)
        """;
    assertThat(r1.answer("show ip access-lists")).isEqualTo(expected);
    assertThat(r1.answer("show access-lists")).isEqualTo(expected);
    assertThat(r1.answer("sh ip access-lists VPN-TRAFFIC")).isEqualTo(expected);
    assertThat(r1.answer("show ip access-lists OTHER")).isEmpty();
    assertThat(r2.answer("show ip access-lists"))
        .isEqualTo(
            """
            Extended IP access list VPN-TRAFFIC
                10 permit gre host 200.0.0.1 host 100.0.0.1 (375 matches)
            """);
  }
}
