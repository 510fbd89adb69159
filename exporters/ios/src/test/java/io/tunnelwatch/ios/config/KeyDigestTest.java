package io.tunnelwatch.ios.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyDigestTest {

  @Test
  void sameKeyGivesEqualDigests() {
    assertThat(KeyDigest.of("unnets@123")).isEqualTo(KeyDigest.of("unnets@123"));
    assertThat(KeyDigest.of("unnets@123")).hasSameHashCodeAs(KeyDigest.of("unnets@123"));
  }

  @Test
  void differentKeysGiveDifferentDigests() {
    assertThat(KeyDigest.of("unnets@123")).isNotEqualTo(KeyDigest.of("unnets@321"));
    assertThat(KeyDigest.of("")).isNotEqualTo(KeyDigest.of(" "));
  }

  @Test
  void showsNothingOfTheKey() {
    assertThat(KeyDigest.of("unnets@123")).hasToString("<redacted>");
  }
}
