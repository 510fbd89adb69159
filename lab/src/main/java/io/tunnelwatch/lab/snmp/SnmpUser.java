package io.tunnelwatch.lab.snmp;

import java.util.Objects;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.smi.OID;

/**
 * An SNMPv3 USM user (authPriv) the lab's agents accept. {@link #toString()} never shows the
 * passphrases.
 *
 * @param name the USM security name
 * @param protocols the authentication and privacy pair
 * @param authPassphrase at least 8 characters (RFC 3414)
 * @param privPassphrase at least 8 characters
 */
public record SnmpUser(
    String name, Protocols protocols, String authPassphrase, String privPassphrase) {

  /** The authentication/privacy combinations the lab supports. */
  public enum Protocols {
    /** HMAC-SHA-96 with AES-128 (what most IOS configurations use). */
    SHA_AES128(AuthSHA.ID, PrivAES128.ID),
    /** HMAC-SHA-256 (usmHMAC192SHA256AuthProtocol) with AES-256. */
    SHA256_AES256(AuthHMAC192SHA256.ID, PrivAES256.ID);

    // OIDs are mutable: keep their dotted text and hand out fresh copies.
    private final String auth;
    private final String priv;

    Protocols(OID auth, OID priv) {
      this.auth = auth.toDottedString();
      this.priv = priv.toDottedString();
    }

    public OID authProtocol() {
      return new OID(auth);
    }

    public OID privProtocol() {
      return new OID(priv);
    }
  }

  public SnmpUser {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(protocols, "protocols");
    requireLength("authPassphrase", authPassphrase);
    requireLength("privPassphrase", privPassphrase);
  }

  private static void requireLength(String what, String value) {
    if (value == null || value.length() < 8) {
      throw new IllegalArgumentException(
          what + " must have at least 8 characters (RFC 3414 minimum)");
    }
  }

  @Override
  public String toString() {
    return "SnmpUser[name=" + name + ", protocols=" + protocols + ", passphrases=***]";
  }
}
