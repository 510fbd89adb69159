package io.tunnelwatch.ios.config;

import java.util.List;
import java.util.Objects;

/**
 * One IP access list from {@code show ip access-lists}.
 *
 * @param name the list's name or number
 * @param extended true for an extended list, false for a standard one
 * @param entries the entries in printed order
 */
public record AccessList(String name, boolean extended, List<AclEntry> entries) {

  public AccessList {
    Objects.requireNonNull(name, "name");
    entries = List.copyOf(entries);
  }

  /**
   * True when every entry of this list has a mirror entry in {@code other} and every entry of
   * {@code other} one here: the two ends of a tunnel select the same traffic.
   */
  public boolean mirrors(AccessList other) {
    return entries.stream().allMatch(e -> other.entries.stream().anyMatch(e::mirrors))
        && other.entries.stream().allMatch(e -> entries.stream().anyMatch(e::mirrors));
  }
}
