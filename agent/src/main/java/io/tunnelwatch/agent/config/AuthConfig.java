package io.tunnelwatch.agent.config;

/**
 * Credentials for logging in to devices. Exactly one secret source is allowed: the password inline
 * (discouraged), from an environment variable, from a file, or a private key file.
 */
public record AuthConfig(
    String username,
    Secret password,
    String passwordEnv,
    String passwordFile,
    String privateKeyFile,
    String passphraseEnv) {

  @Override
  public String toString() {
    return "AuthConfig[username=" + username + ", secrets redacted]";
  }
}
