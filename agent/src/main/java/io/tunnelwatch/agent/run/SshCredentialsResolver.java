package io.tunnelwatch.agent.run;

import io.tunnelwatch.agent.config.AuthConfig;
import io.tunnelwatch.ios.transport.CliException;
import io.tunnelwatch.ios.transport.SshCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    if (auth.password().isPresent()) {
      return new SshCredentials.Password(auth.password().get().reveal());
    }
    if (auth.passwordEnv().isPresent()) {
      String variable = auth.passwordEnv().get();
      String value = environment.apply(variable);
      if (value == null) {
        throw new CliException(
            CliException.Kind.AUTHENTICATION,
            "auths." + authName + ": environment variable " + variable + " is not set");
      }
      return new SshCredentials.Password(value);
    }
    if (auth.passwordFile().isPresent()) {
      String file = auth.passwordFile().get();
      try {
        return new SshCredentials.Password(Files.readString(Path.of(file)).strip());
      } catch (IOException e) {
        throw new CliException(
            CliException.Kind.AUTHENTICATION,
            "auths." + authName + ": cannot read password file " + file);
      }
    }
    String passphrase = auth.passphraseEnv().map(environment).orElse("");
    // validation made sure a login without a password has a private key file
    return new SshCredentials.PrivateKey(Path.of(auth.privateKeyFile().orElseThrow()), passphrase);
  }
}
