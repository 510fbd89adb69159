package io.tunnelwatch.core;

/** How every module prints a secret it holds: one spelling, so logs can be searched for it. */
public final class Redaction {

  /** Stands where a password, passphrase or community would be. */
  public static final String REDACTED = "<redacted>";

  private Redaction() {}
}
