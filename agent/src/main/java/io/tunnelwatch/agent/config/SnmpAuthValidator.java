package io.tunnelwatch.agent.config;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

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
      if (snmp.username().isPresent()
          || snmp.authProtocol().isPresent()
          || snmp.privProtocol().isPresent()) {
        checks.problem(path, "username, auth_protocol and priv_protocol need version: 3");
      }
      return;
    }
    if (snmp.community().isPresent()
        || snmp.communityEnv().isPresent()
        || snmp.communityFile().isPresent()) {
      checks.problem(path, "a community is only used with version: 2c");
    }
    if (ConfigChecks.blank(snmp.username().orElse(null))) {
      checks.problem(path + ".username", "expected the USM user name");
    }
    boolean hasAuth = snmp.authProtocol().isPresent();
    snmp.authProtocol()
        .filter(protocol -> !AUTH_PROTOCOLS.contains(protocol))
        .ifPresent(
            protocol ->
                checks.problem(
                    path + ".auth_protocol",
                    "expected one of " + AUTH_PROTOCOLS + ", got " + Shown.quoted(protocol)));
    if (hasAuth) {
      oneSecret(
          path,
          "auth_password",
          snmp.authPassword(),
          snmp.authPasswordEnv(),
          snmp.authPasswordFile());
    } else if (snmp.authPassword().isPresent()
        || snmp.authPasswordEnv().isPresent()
        || snmp.authPasswordFile().isPresent()) {
      checks.problem(path + ".auth_protocol", "expected an auth protocol for the auth password");
    }
    validatePrivacy(path, snmp, hasAuth);
  }

  private void validatePrivacy(String path, SnmpAuthConfig snmp, boolean hasAuth) {
    if (snmp.privProtocol().isEmpty()) {
      if (snmp.privPassword().isPresent()
          || snmp.privPasswordEnv().isPresent()
          || snmp.privPasswordFile().isPresent()) {
        checks.problem(
            path + ".priv_protocol", "expected a privacy protocol for the priv password");
      }
      return;
    }
    if (!hasAuth) {
      checks.problem(path + ".priv_protocol", "privacy needs authentication: set auth_protocol");
    }
    String privProtocol = snmp.privProtocol().get();
    if (!PRIV_PROTOCOLS.contains(privProtocol)) {
      checks.problem(
          path + ".priv_protocol",
          "expected one of " + PRIV_PROTOCOLS + ", got " + Shown.quoted(privProtocol));
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
      Optional<Secret> inline,
      Optional<String> env,
      Optional<String> file) {
    int given =
        (inline.isPresent() ? 1 : 0) + (env.isPresent() ? 1 : 0) + (file.isPresent() ? 1 : 0);
    if (given != 1) {
      checks.problem(
          path,
          "expected exactly one of " + key + ", " + key + "_env, " + key + "_file; found " + given);
    }
    inline.ifPresent(secret -> checks.warnInline(path + "." + key, key));
    env.ifPresent(variable -> checks.requireEnv(path + "." + key + "_env", variable));
    file.ifPresent(f -> files.requireSecretFile(path + "." + key + "_file", f));
  }
}
