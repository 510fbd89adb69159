package io.tunnelwatch.agent.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.tunnelwatch.core.Redaction;
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

  @Override
  public String toString() {
    return Redaction.REDACTED;
  }
}
