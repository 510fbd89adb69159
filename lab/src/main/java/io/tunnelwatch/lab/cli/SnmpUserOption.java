package io.tunnelwatch.lab.cli;

import io.tunnelwatch.lab.snmp.SnmpUser;
import java.util.Locale;
import java.util.function.UnaryOperator;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --snmp-user NAME,sha|sha256,AUTH_VAR,PRIV_VAR}: the passphrases come from the two named
 * environment variables, never from the command line, where any user of the machine could read
 * them.
 */
final class SnmpUserOption {

  private SnmpUserOption() {}

  static SnmpUser parse(String text, UnaryOperator<String> environment) {
    String[] parts = text.split(",", -1);
    if (parts.length != 4) {
      throw new TypeConversionException(
          "--snmp-user expects NAME,sha|sha256,AUTH_VAR,PRIV_VAR (environment variables holding"
              + " the passphrases)");
    }
    SnmpUser.Protocols protocols =
        switch (parts[1].toLowerCase(Locale.ROOT)) {
          case "sha" -> SnmpUser.Protocols.SHA_AES128;
          case "sha256" -> SnmpUser.Protocols.SHA256_AES256;
          default ->
              throw new TypeConversionException(
                  "--snmp-user protocols must be sha (SHA/AES-128) or sha256 (SHA-256/AES-256)");
        };
    String auth = required(environment, parts[2]);
    String priv = required(environment, parts[3]);
    try {
      return new SnmpUser(parts[0], protocols, auth, priv);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("--snmp-user " + parts[0] + ": " + e.getMessage());
    }
  }

  private static String required(UnaryOperator<String> environment, String variable) {
    String value = environment.apply(variable);
    if (value == null || value.isEmpty()) {
      throw new TypeConversionException(
          "--snmp-user: environment variable " + variable + " is not set");
    }
    return value;
  }
}
