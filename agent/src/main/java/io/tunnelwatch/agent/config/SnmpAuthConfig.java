package io.tunnelwatch.agent.config;

import java.util.Objects;
import java.util.Optional;

/**
 * SNMP credentials. Version 2c takes a community; version 3 takes a USM user whose security level
 * follows from what is given: no auth protocol means noAuthNoPriv, an auth protocol alone
 * authNoPriv, both authPriv. Every secret comes inline (discouraged), from an environment variable
 * or from a file. A key the YAML leaves out is empty.
 *
 * @param version {@code 2c} (the default) or {@code 3}
 * @param authProtocol MD5, SHA, SHA224, SHA256, SHA384 or SHA512
 * @param privProtocol DES, AES128, AES192, AES256, or AES192_CISCO / AES256_CISCO for Cisco's 3DES
 *     key extension
 */
public record SnmpAuthConfig(
    String version,
    Optional<Secret> community,
    Optional<String> communityEnv,
    Optional<String> communityFile,
    Optional<String> username,
    Optional<String> authProtocol,
    Optional<Secret> authPassword,
    Optional<String> authPasswordEnv,
    Optional<String> authPasswordFile,
    Optional<String> privProtocol,
    Optional<Secret> privPassword,
    Optional<String> privPasswordEnv,
    Optional<String> privPasswordFile) {

  public static final String DEFAULT_VERSION = "2c";

  // Jackson passes null for a key the YAML leaves out: empty or the default, resolved here.
  public SnmpAuthConfig {
    version = Objects.requireNonNullElse(version, DEFAULT_VERSION);
    community = orEmpty(community);
    communityEnv = orEmpty(communityEnv);
    communityFile = orEmpty(communityFile);
    username = orEmpty(username);
    authProtocol = orEmpty(authProtocol);
    authPassword = orEmpty(authPassword);
    authPasswordEnv = orEmpty(authPasswordEnv);
    authPasswordFile = orEmpty(authPasswordFile);
    privProtocol = orEmpty(privProtocol);
    privPassword = orEmpty(privPassword);
    privPasswordEnv = orEmpty(privPasswordEnv);
    privPasswordFile = orEmpty(privPasswordFile);
  }

  /** SNMPv2c with an inline community (the demo's generated one, tests). */
  public static SnmpAuthConfig v2c(Secret community) {
    return new SnmpAuthConfig(
        "2c",
        Optional.of(community),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public boolean isV3() {
    return "3".equals(version);
  }

  /** The same credentials with other file paths (PathResolver makes them absolute). */
  SnmpAuthConfig withFiles(
      Optional<String> newCommunityFile,
      Optional<String> newAuthPasswordFile,
      Optional<String> newPrivPasswordFile) {
    return new SnmpAuthConfig(
        version,
        community,
        communityEnv,
        newCommunityFile,
        username,
        authProtocol,
        authPassword,
        authPasswordEnv,
        newAuthPasswordFile,
        privProtocol,
        privPassword,
        privPasswordEnv,
        newPrivPasswordFile);
  }

  private static <T> Optional<T> orEmpty(Optional<T> value) {
    return Objects.requireNonNullElse(value, Optional.empty());
  }

  @Override
  public String toString() {
    return "SnmpAuthConfig[version="
        + version
        + ", username="
        + username.orElse(null)
        + ", secrets redacted]";
  }
}
