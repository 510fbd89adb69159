package io.tunnelwatch.snmp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnmpValueTextTest {

  @Test
  void anAgentsTextInAValueIsShownEscapedOnOneLine() {
    SnmpValue value = new SnmpValue.Other("Opaque", "\u001b[2J\r\nforged\u0000" + "o".repeat(5000));

    assertThat(value.toString())
        .startsWith("Other[Opaque '\\x1b[2J\\x0d\\x0aforged\\x00o")
        .endsWith(" more)']")
        .doesNotContain("\n", "\r", "\u001b", "\u0000")
        .hasSizeLessThan(240);
  }

  @Test
  void anOctetStringIsShownAsHex() {
    assertThat(new SnmpValue.OctetString(new byte[] {0x1b, 0x0a}).toString())
        .isEqualTo("OctetString[1b 0a]");
  }
}
