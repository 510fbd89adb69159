package io.tunnelwatch.agent.config;

import java.util.Objects;

/**
 * SNMP credentials. Version 2c takes a community; version 3 takes a USM user whose security level
 * follows from what is given: no auth protocol means noAuthNoPriv, an auth protocol alone
 * authNoPriv, both authPriv. Every secret comes inline (discouraged), from an environment variable
 * or from a file.
 *
 * @param version {@code 2c} or {@code 3}
 * @param authProtocol MD5, SHA, SHA224, SHA256, SHA384 or SHA512
 * @param privProtocol DES, AES128, AES192, AES256, or AES192_CISCO / AES256_CISCO for Cisco's 3DES
 *     key extension
 */
public record SnmpAuthConfig(
    String version,
    Secret community,
    String communityEnv,
    String communityFile,
    String username,
    String authProtocol,
    Secret authPassword,
    String authPasswordEnv,
    String authPasswordFile,
    String privProtocol,
    Secret privPassword,
    String privPasswordEnv,
    String privPasswordFile) {

  public SnmpAuthConfig {
    version = Objects.requireNonNullElse(version, "2c");
  }

  /** SNMPv2c with an inline community (the demo's generated one, tests). */
  public static SnmpAuthConfig v2c(Secret community) {
    return new SnmpAuthConfig(
        "2c", community, null, null, null, null, null, null, null, null, null, null, null);
  }

  public boolean isV3() {
    return "3".equals(version);
  }

  @Override
  public String toString() {
    return "SnmpAuthConfig[version=" + version + ", username=" + username + ", secrets redacted]";
  }
}
