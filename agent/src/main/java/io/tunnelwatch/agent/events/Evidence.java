package io.tunnelwatch.agent.events;

import java.util.Objects;

/** One observed fact behind an event, as the value before and after (either may be empty text). */
public record Evidence(String name, String before, String after) {

  public Evidence {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  @Override
  public String toString() {
    return name + ": " + before + " -> " + after;
  }
}
