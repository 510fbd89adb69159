package io.tunnelwatch.ios.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionFlowAclTest {

  /** Entries as real routers print them (the corpus and genieparser's session samples). */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "permit 47 host 100.0.0.1 host 200.0.0.1 | 100.0.0.1/32:47->200.0.0.1/32:47",
        "permit 47 host 11.0.2.2 host 11.0.2.1  | 11.0.2.2/32:47->11.0.2.1/32:47",
        "permit ip   0.0.0.0/0.0.0.0 0.0.0.0/0.0.0.0 | 0.0.0.0/0:0->0.0.0.0/0:0",
        "permit ip 20.20.20.0/255.255.255.0 10.10.10.0/255.255.255.0 | 20.20.20.0/24:0->10.10.10.0/24:0",
        "permit ip 0.0.0.0/0.0.0.0 host 7.1.2.40 | 0.0.0.0/0:0->7.1.2.40/32:0",
        "permit ip 100.75.0.0/255.255.255.192 192.168.25.0/255.255.255.128 | 100.75.0.0/26:0->192.168.25.0/25:0",
        "permit ipv6 ::/0 ::/0 | ::/0:0->::/0:0",
        "permit 47 host 2001:DB8:1::1 host 2001:DB8:2::1 | 2001:DB8:1::1/128:47->2001:DB8:2::1/128:47",
      })
  void labelsTheFlowAsShowCryptoIpsecSaDoes(String acl, String label) {
    assertThat(SessionFlowAcl.flowLabel(acl)).contains(label);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "deny 47 host 100.0.0.1 host 200.0.0.1",
        "permit gre host 100.0.0.1 host 200.0.0.1",
        "permit 256 host 100.0.0.1 host 200.0.0.1",
        "permit 47 host 100.0.0.1",
        "permit 47 host 100.0.0.1 host",
        "permit 47 host 100.0.0.1 host 200.0.0.1 port 500",
        "permit ip any any",
        "permit ip 10.0.0.0/255.0.255.0 host 200.0.0.1",
        "permit ip host peer-a host 200.0.0.1",
      })
  void leavesFormsItDoesNotKnowUnlabelled(String acl) {
    assertThat(SessionFlowAcl.flowLabel(acl)).isEmpty();
  }
}
