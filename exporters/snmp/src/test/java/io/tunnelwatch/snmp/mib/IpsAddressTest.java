package io.tunnelwatch.snmp.mib;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpsAddressTest {

  @ParameterizedTest
  @CsvSource({
    "200.0.0.1, 200.0.0.1",
    "0.0.0.0, 0.0.0.0",
    "255.255.255.255, 255.255.255.255",
    "2001:db8:0:0:0:0:0:1, 2001:db8::1",
    "0:0:0:0:0:0:0:0, ::",
    "0:0:0:0:0:0:0:1, ::1",
    "fe80:0:0:0:1:0:0:5, fe80::1:0:0:5",
    "2001:db8:0:1:0:0:0:1, 2001:db8:0:1::1",
    "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6",
    "2001:0:0:1:0:0:0:0, 2001:0:0:1::"
  })
  void decodesToCanonicalText(String input, String expected) throws Exception {
    assertThat(IpsAddress.decode(InetAddress.getByName(input).getAddress())).contains(expected);
  }

  @Test
  void rejectsOtherLengths() {
    assertThat(IpsAddress.decode(new byte[5])).isEmpty();
    assertThat(IpsAddress.decode(new byte[0])).isEmpty();
  }
}
