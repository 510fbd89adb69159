package io.tunnelwatch.agent.config;

/**
 * Credentials for devices: either an SSH login (user name and exactly one secret source: the
 * password inline (discouraged), from an environment variable, from a file, or a private key file)
 * or SNMP credentials in an {@code snmp} block.
 */
public record AuthConfig(
    String username,
    Secret password,
    String passwordEnv,
    String passwordFile,
    String privateKeyFile,
    String passphraseEnv,
    SnmpAuthConfig snmp) {

  /** An SSH login with an inline password (the demo's generated one, tests). */
  public static AuthConfig ofPassword(String username, Secret password) {
    return new AuthConfig(username, password, null, null, null, null, null);
  }

  /** SNMP credentials only. */
  public static AuthConfig ofSnmp(SnmpAuthConfig snmp) {
    return new AuthConfig(null, null, null, null, null, null, snmp);
  }

  /** An SSH login needs a user name; an SNMP credential comes as an {@code snmp} block. */
  public boolean isSnmp() {
    return snmp != null;
  }

  @Override
  public String toString() {
    return "AuthConfig[username=" + username + ", secrets redacted]";
  }
}
