package io.tunnelwatch.agent.config;

import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/** An {@code auths.NAME.snmp} block: a v2c community, or a v3 USM user and its protocols. */
final class SnmpAuthValidator {

  private static final Set<String> VERSIONS = Set.of("2c", "3");
  private static final Set<String> AUTH_PROTOCOLS =
      new TreeSet<>(Set.of("MD5", "SHA", "SHA224", "SHA256", "SHA384", "SHA512"));
  private static final Set<String> PRIV_PROTOCOLS =
      new TreeSet<>(Set.of("DES", "AES128", "AES192", "AES256", "AES192_CISCO", "AES256_CISCO"));

  private final ConfigChecks checks;
  private final FileChecks files;

  SnmpAuthValidator(ConfigChecks checks) {
    this.checks = checks;
    this.files = new FileChecks(checks);
  }

  void validate(String path, SnmpAuthConfig snmp) {
    if (!VERSIONS.contains(snmp.version())) {
      checks.problem(path + ".version", "expected 2c or 3, got " + Shown.quoted(snmp.version()));
      return;
    }
    if (!snmp.isV3()) {
      oneSecret(path, "community", snmp.community(), snmp.communityEnv(), snmp.communityFile());
      if (snmp.username() != null || snmp.authProtocol() != null || snmp.privProtocol() != null) {
        checks.problem(path, "username, auth_protocol and priv_protocol need version: 3");
      }
      return;
    }
    if (snmp.community() != null || snmp.communityEnv() != null || snmp.communityFile() != null) {
      checks.problem(path, "a community is only used with version: 2c");
    }
    if (ConfigChecks.blank(snmp.username())) {
      checks.problem(path + ".username", "expected the USM user name");
    }
    boolean hasAuth = snmp.authProtocol() != null;
    if (hasAuth && !AUTH_PROTOCOLS.contains(snmp.authProtocol())) {
      checks.problem(
          path + ".auth_protocol",
          "expected one of " + AUTH_PROTOCOLS + ", got " + Shown.quoted(snmp.authProtocol()));
    }
    if (hasAuth) {
      oneSecret(
          path,
          "auth_password",
          snmp.authPassword(),
          snmp.authPasswordEnv(),
          snmp.authPasswordFile());
    } else if (snmp.authPassword() != null
        || snmp.authPasswordEnv() != null
        || snmp.authPasswordFile() != null) {
      checks.problem(path + ".auth_protocol", "expected an auth protocol for the auth password");
    }
    validatePrivacy(path, snmp, hasAuth);
  }

  private void validatePrivacy(String path, SnmpAuthConfig snmp, boolean hasAuth) {
    if (snmp.privProtocol() == null) {
      if (snmp.privPassword() != null
          || snmp.privPasswordEnv() != null
          || snmp.privPasswordFile() != null) {
        checks.problem(
            path + ".priv_protocol", "expected a privacy protocol for the priv password");
      }
      return;
    }
    if (!hasAuth) {
      checks.problem(path + ".priv_protocol", "privacy needs authentication: set auth_protocol");
    }
    if (!PRIV_PROTOCOLS.contains(snmp.privProtocol())) {
      checks.problem(
          path + ".priv_protocol",
          "expected one of " + PRIV_PROTOCOLS + ", got " + Shown.quoted(snmp.privProtocol()));
    }
    oneSecret(
        path,
        "priv_password",
        snmp.privPassword(),
        snmp.privPasswordEnv(),
        snmp.privPasswordFile());
  }

  /** Exactly one source for the secret {@code key}: inline, {@code key_env} or {@code key_file}. */
  private void oneSecret(
      String path,
      String key,
      @Nullable Secret inline,
      @Nullable String env,
      @Nullable String file) {
    int given = (inline != null ? 1 : 0) + (env != null ? 1 : 0) + (file != null ? 1 : 0);
    if (given != 1) {
      checks.problem(
          path,
          "expected exactly one of " + key + ", " + key + "_env, " + key + "_file; found " + given);
    }
    if (inline != null) {
      checks.warnInline(path + "." + key, key);
    }
    checks.requireEnv(path + "." + key + "_env", env);
    if (file != null) {
      files.requireSecretFile(path + "." + key + "_file", file);
    }
  }
}
