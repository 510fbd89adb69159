package io.tunnelwatch.agent.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.tunnelwatch.core.Redaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/** A secret value that never prints itself. */
public final class Secret {

  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value);
  }

  @JsonCreator
  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The secret itself; call only where it is handed to the transport. */
  public String reveal() {
    return value;
  }

  /**
   * Equal to a secret of the same value, so that a configuration read again compares equal to the
   * running one (a reload must not reconnect a device whose inline password did not change). The
   * comparison takes the same time however much of the value matches.
   */
  @Override
  public boolean equals(Object other) {
    return other instanceof Secret that
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    // Constant: a hash of the value would be a little of the secret in every hash table.
    return 0;
  }

  @Override
  public String toString() {
    return Redaction.REDACTED;
  }
}
