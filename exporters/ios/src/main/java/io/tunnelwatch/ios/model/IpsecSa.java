package io.tunnelwatch.ios.model;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One SA listed under {@code inbound esp sas:} and its siblings.
 *
 * @param direction inbound or outbound
 * @param protocol ESP, AH or PCP
 * @param spi the SPI in IOS's hexadecimal form, e.g. {@code 0x658F7C11}
 * @param transform e.g. {@code esp-256-aes esp-sha256-hmac}
 * @param mode the first {@code in use settings} item, e.g. {@code Tunnel} or {@code Transport}
 * @param connId {@code conn id:}
 * @param flowId {@code flow_id:}, e.g. {@code CSR:76}
 * @param cryptoMap {@code crypto map:}
 * @param remainingKilobytes remaining volume lifetime; empty when volume rekey is disabled
 * @param remainingSeconds remaining time lifetime
 * @param status {@code Status:}, e.g. {@code ACTIVE} or {@code ACTIVE(ACTIVE)}
 */
public record IpsecSa(
    SaDirection direction,
    SaProtocol protocol,
    String spi,
    Optional<String> transform,
    Optional<String> mode,
    OptionalLong connId,
    Optional<String> flowId,
    Optional<String> cryptoMap,
    OptionalLong remainingKilobytes,
    OptionalLong remainingSeconds,
    Optional<String> status) {

  /** True when IOS says the SA is in use ({@code ACTIVE}, {@code ACTIVE(ACTIVE)}). */
  public boolean active() {
    return status.map(s -> s.startsWith("ACTIVE")).orElse(false);
  }
}
