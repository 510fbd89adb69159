package io.tunnelwatch.agent.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AllowedCommandTest {

  @Test
  void pingsAreShortAndBounded() {
    assertThat(AllowedCommand.ping("200.0.0.1", "GigabitEthernet0/0").text())
        .isEqualTo("ping 200.0.0.1 source GigabitEthernet0/0 repeat 5 timeout 1");
    assertThat(AllowedCommand.ping("10.0.0.2", "100.0.0.1").text())
        .isEqualTo("ping 10.0.0.2 source 100.0.0.1 repeat 5 timeout 1");
  }

  @Test
  void argumentsThatCouldCarryAnotherCommandAreRefused() {
    assertThatThrownBy(() -> AllowedCommand.ipsecSa("200.0.0.1\nconfigure terminal"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not an IP address");
    assertThatThrownBy(() -> AllowedCommand.interfaceConfig("Tunnel10 | redirect flash:x"))
        .hasMessageStartingWith("not an interface name");
    assertThatThrownBy(() -> AllowedCommand.ping("200.0.0.1", "Tunnel10;reload"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AllowedCommand.address("256.0.0.1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ipv6PeersAreAddresses() {
    assertThat(AllowedCommand.ipsecSa("2001:db8::1").text())
        .isEqualTo("show crypto ipsec sa peer 2001:db8::1");
  }

  @Test
  void theFarEndOfAPointToPointSubnetFollowsFromOurs() {
    assertThat(PointToPoint.farAddress("10.0.0.1/30")).contains("10.0.0.2");
    assertThat(PointToPoint.farAddress("10.0.0.2/30")).contains("10.0.0.1");
    assertThat(PointToPoint.farAddress("10.0.0.4/31")).contains("10.0.0.5");
    assertThat(PointToPoint.farAddress("10.0.0.1/24")).isEmpty();
    assertThat(PointToPoint.farAddress("10.0.0.0/30")).isEmpty();
  }
}
