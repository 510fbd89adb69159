package io.tunnelwatch.agent.run;

import io.tunnelwatch.agent.config.Secret;
import io.tunnelwatch.agent.config.SnmpAuthConfig;
import io.tunnelwatch.snmp.AuthProtocol;
import io.tunnelwatch.snmp.PrivProtocol;
import io.tunnelwatch.snmp.SnmpCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns configured SNMP credentials into transport credentials, reading environment variables and
 * files each time so that a rotated secret is picked up without a restart. Failures name the key
 * path, never the secret.
 */
final class SnmpCredentialsResolver {

  private final Function<String, String> environment;

  SnmpCredentialsResolver(Function<String, String> environment) {
    this.environment = environment;
  }

  /**
   * @throws IllegalStateException when a secret's variable is unset or its file unreadable
   */
  SnmpCredentials resolve(String authName, SnmpAuthConfig snmp) {
    String path = "auths." + authName + ".snmp";
    if (!snmp.isV3()) {
      return new SnmpCredentials.Community(
          secret(path, "community", snmp.community(), snmp.communityEnv(), snmp.communityFile()));
    }
    // validated: a v3 user has a user name
    String username = snmp.username().orElseThrow();
    if (snmp.authProtocol().isEmpty()) {
      return SnmpCredentials.UsmUser.noAuthNoPriv(username);
    }
    AuthProtocol auth = AuthProtocol.valueOf(snmp.authProtocol().get());
    String authPass =
        secret(
            path,
            "auth_password",
            snmp.authPassword(),
            snmp.authPasswordEnv(),
            snmp.authPasswordFile());
    if (snmp.privProtocol().isEmpty()) {
      return SnmpCredentials.UsmUser.authNoPriv(username, auth, authPass);
    }
    String privPass =
        secret(
            path,
            "priv_password",
            snmp.privPassword(),
            snmp.privPasswordEnv(),
            snmp.privPasswordFile());
    return SnmpCredentials.UsmUser.authPriv(
        username, auth, authPass, privProtocol(snmp.privProtocol().get()), privPass);
  }

  static PrivProtocol privProtocol(String configured) {
    return switch (configured) {
      case "AES192_CISCO" -> PrivProtocol.AES192_3DES_KEY_EXTENSION;
      case "AES256_CISCO" -> PrivProtocol.AES256_3DES_KEY_EXTENSION;
      default -> PrivProtocol.valueOf(configured);
    };
  }

  /** Validation has made sure exactly one of the three sources is given. */
  private String secret(
      String path,
      String key,
      Optional<Secret> inline,
      Optional<String> envName,
      Optional<String> fileName) {
    if (inline.isPresent()) {
      return inline.get().reveal();
    }
    if (envName.isPresent()) {
      String env = envName.get();
      String value = environment.apply(env);
      if (value == null) {
        throw new IllegalStateException(
            path + "." + key + "_env: environment variable " + env + " is not set");
      }
      return value;
    }
    String file = fileName.orElseThrow();
    try {
      return Files.readString(Path.of(file)).strip();
    } catch (IOException e) {
      throw new IllegalStateException(path + "." + key + "_file: cannot read " + file);
    }
  }
}
