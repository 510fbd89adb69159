package io.tunnelwatch.agent.run;

import io.tunnelwatch.agent.config.AuthConfig;
import io.tunnelwatch.ios.transport.CliException;
import io.tunnelwatch.ios.transport.SshCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns configured credentials into transport credentials, reading environment variables and files
 * at connect time so that a rotated secret is picked up without a restart.
 */
final class SshCredentialsResolver {

  private final Function<String, String> environment;

  SshCredentialsResolver(Function<String, String> environment) {
    this.environment = environment;
  }

  SshCredentials resolve(String authName, AuthConfig auth) throws CliException {
    if (auth.password() != null) {
      return new SshCredentials.Password(auth.password().reveal());
    }
    if (auth.passwordEnv() != null) {
      String value = environment.apply(auth.passwordEnv());
      if (value == null) {
        throw new CliException(
            CliException.Kind.AUTHENTICATION,
            "auths." + authName + ": environment variable " + auth.passwordEnv() + " is not set");
      }
      return new SshCredentials.Password(value);
    }
    if (auth.passwordFile() != null) {
      try {
        return new SshCredentials.Password(Files.readString(Path.of(auth.passwordFile())).strip());
      } catch (IOException e) {
        throw new CliException(
            CliException.Kind.AUTHENTICATION,
            "auths." + authName + ": cannot read password file " + auth.passwordFile());
      }
    }
    String passphrase =
        auth.passphraseEnv() == null
            ? ""
            : Objects.requireNonNullElse(environment.apply(auth.passphraseEnv()), "");
    return new SshCredentials.PrivateKey(Path.of(auth.privateKeyFile()), passphrase);
  }
}
