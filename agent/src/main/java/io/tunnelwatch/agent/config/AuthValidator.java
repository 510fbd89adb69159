package io.tunnelwatch.agent.config;

import org.jspecify.annotations.Nullable;

/**
 * The {@code auths} section: an SSH login, or an {@code snmp} block ({@link SnmpAuthValidator}).
 */
final class AuthValidator {

  private final ConfigChecks checks;
  private final FileChecks files;
  private final SnmpAuthValidator snmp;

  AuthValidator(ConfigChecks checks) {
    this.checks = checks;
    this.files = new FileChecks(checks);
    this.snmp = new SnmpAuthValidator(checks);
  }

  void validate(String name, @Nullable AuthConfig auth) {
    String path = "auths." + name;
    if (auth == null) {
      checks.problem(path, "expected a mapping with username and one secret, or an snmp block");
      return;
    }
    if (auth.isSnmp()) {
      if (auth.username().isPresent()
          || auth.password().isPresent()
          || auth.passwordEnv().isPresent()
          || auth.passwordFile().isPresent()
          || auth.privateKeyFile().isPresent()
          || auth.passphraseEnv().isPresent()) {
        checks.problem(
            path,
            "expected either SSH keys (username, password...) or an snmp block, not both; use two"
                + " auths");
      }
      snmp.validate(path + ".snmp", auth.snmp().orElseThrow());
      return;
    }
    validateLogin(path, auth);
  }

  private void validateLogin(String path, AuthConfig auth) {
    if (ConfigChecks.blank(auth.username().orElse(null))) {
      checks.problem(path + ".username", "expected a user name");
    }
    int secrets = 0;
    secrets += auth.password().isPresent() ? 1 : 0;
    secrets += auth.passwordEnv().isPresent() ? 1 : 0;
    secrets += auth.passwordFile().isPresent() ? 1 : 0;
    secrets += auth.privateKeyFile().isPresent() ? 1 : 0;
    if (secrets != 1) {
      checks.problem(
          path,
          "expected exactly one of password, password_env, password_file, private_key_file; found "
              + secrets);
    }
    auth.password().ifPresent(p -> checks.warnInline(path + ".password", "password"));
    auth.passwordEnv().ifPresent(env -> checks.requireEnv(path + ".password_env", env));
    auth.passwordFile().ifPresent(f -> files.requireSecretFile(path + ".password_file", f));
    if (auth.passphraseEnv().isPresent() && auth.privateKeyFile().isEmpty()) {
      checks.problem(path + ".passphrase_env", "only allowed together with private_key_file");
    }
    auth.privateKeyFile().ifPresent(key -> validateKey(path, key, auth));
  }

  private void validateKey(String path, String keyFile, AuthConfig auth) {
    if (auth.passphraseEnv().isEmpty()) {
      files.requirePrivateKey(path + ".private_key_file", keyFile, null);
      return;
    }
    String passphrase = checks.requireEnv(path + ".passphrase_env", auth.passphraseEnv().get());
    // without its passphrase the key cannot be judged; the missing variable is the problem
    if (passphrase != null) {
      files.requirePrivateKey(path + ".private_key_file", keyFile, passphrase);
    }
  }
}
