package io.tunnelwatch.agent.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Credentials for devices: either an SSH login (user name and exactly one secret source: the
 * password inline (discouraged), from an environment variable, from a file, or a private key file)
 * or SNMP credentials in an {@code snmp} block. A key the YAML leaves out is empty.
 */
public record AuthConfig(
    @EmptyIsAbsent Optional<String> username,
    Optional<Secret> password,
    @EmptyIsAbsent Optional<String> passwordEnv,
    @EmptyIsAbsent Optional<String> passwordFile,
    @EmptyIsAbsent Optional<String> privateKeyFile,
    @EmptyIsAbsent Optional<String> passphraseEnv,
    Optional<SnmpAuthConfig> snmp) {

  // Jackson passes null for a key the YAML leaves out; no component stays null.
  public AuthConfig {
    username = orEmpty(username);
    password = orEmpty(password);
    passwordEnv = orEmpty(passwordEnv);
    passwordFile = orEmpty(passwordFile);
    privateKeyFile = orEmpty(privateKeyFile);
    passphraseEnv = orEmpty(passphraseEnv);
    snmp = orEmpty(snmp);
  }

  /** An SSH login with an inline password (the demo's generated one, tests). */
  public static AuthConfig ofPassword(String username, Secret password) {
    return new AuthConfig(
        Optional.of(username),
        Optional.of(password),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /** SNMP credentials only. */
  public static AuthConfig ofSnmp(SnmpAuthConfig snmp) {
    return new AuthConfig(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.of(snmp));
  }

  /** An SSH login needs a user name; an SNMP credential comes as an {@code snmp} block. */
  public boolean isSnmp() {
    return snmp.isPresent();
  }

  /** The same credentials with other file paths (PathResolver makes them absolute). */
  AuthConfig withFiles(
      Optional<String> newPasswordFile,
      Optional<String> newPrivateKeyFile,
      Optional<SnmpAuthConfig> newSnmp) {
    return new AuthConfig(
        username,
        password,
        passwordEnv,
        newPasswordFile,
        newPrivateKeyFile,
        passphraseEnv,
        newSnmp);
  }

  private static <T> Optional<T> orEmpty(Optional<T> value) {
    return Objects.requireNonNullElse(value, Optional.empty());
  }

  @Override
  public String toString() {
    return "AuthConfig[username=" + username.orElse(null) + ", secrets redacted]";
  }
}
