package io.tunnelwatch.snmp;

import io.tunnelwatch.core.Redaction;
import java.util.Objects;
import java.util.Optional;

/** How to authenticate to an agent: a v2c community or an SNMPv3 USM user. Never printed. */
public sealed interface SnmpCredentials {

  /** SNMPv2c with a community string. */
  record Community(String community) implements SnmpCredentials {
    public Community {
      Objects.requireNonNull(community, "community");
      if (community.isEmpty()) {
        throw new IllegalArgumentException("expected a non-empty SNMP community");
      }
    }

    @Override
    public String toString() {
      return "Community[community=" + Redaction.REDACTED + "]";
    }
  }

  /**
   * An SNMPv3 user; the security level follows from which keys are present (noAuthNoPriv,
   * authNoPriv, authPriv).
   */
  record UsmUser(
      String userName, Optional<Authentication> authentication, Optional<Privacy> privacy)
      implements SnmpCredentials {
    public UsmUser {
      Objects.requireNonNull(userName, "userName");
      if (userName.isEmpty()) {
        throw new IllegalArgumentException("expected a non-empty SNMPv3 user name");
      }
      Objects.requireNonNull(authentication, "authentication");
      Objects.requireNonNull(privacy, "privacy");
      if (privacy.isPresent() && authentication.isEmpty()) {
        throw new IllegalArgumentException(
            "SNMPv3 user "
                + userName
                + ": privacy needs authentication (authPriv), none was given");
      }
    }

    public static UsmUser noAuthNoPriv(String userName) {
      return new UsmUser(userName, Optional.empty(), Optional.empty());
    }

    public static UsmUser authNoPriv(String userName, AuthProtocol auth, String authPassphrase) {
      return new UsmUser(
          userName, Optional.of(new Authentication(auth, authPassphrase)), Optional.empty());
    }

    public static UsmUser authPriv(
        String userName,
        AuthProtocol auth,
        String authPassphrase,
        PrivProtocol priv,
        String privPassphrase) {
      return new UsmUser(
          userName,
          Optional.of(new Authentication(auth, authPassphrase)),
          Optional.of(new Privacy(priv, privPassphrase)));
    }

    @Override
    public String toString() {
      return "UsmUser[userName="
          + userName
          + ", auth="
          + authentication.map(a -> a.protocol().name()).orElse("none")
          + ", priv="
          + privacy.map(p -> p.protocol().name()).orElse("none")
          + "]";
    }
  }

  /** An authentication protocol and its passphrase (at least 8 characters, RFC 3414). */
  record Authentication(AuthProtocol protocol, String passphrase) {
    public Authentication {
      Objects.requireNonNull(protocol, "protocol");
      requirePassphrase("authentication", passphrase);
    }

    @Override
    public String toString() {
      return "Authentication[protocol=" + protocol + ", passphrase=" + Redaction.REDACTED + "]";
    }
  }

  /** A privacy protocol and its passphrase (at least 8 characters). */
  record Privacy(PrivProtocol protocol, String passphrase) {
    public Privacy {
      Objects.requireNonNull(protocol, "protocol");
      requirePassphrase("privacy", passphrase);
    }

    @Override
    public String toString() {
      return "Privacy[protocol=" + protocol + ", passphrase=" + Redaction.REDACTED + "]";
    }
  }

  private static void requirePassphrase(String what, String passphrase) {
    Objects.requireNonNull(passphrase, what + " passphrase");
    if (passphrase.length() < 8) {
      throw new IllegalArgumentException(
          "expected an SNMPv3 " + what + " passphrase of at least 8 characters");
    }
  }
}
