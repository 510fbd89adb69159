package io.tunnelwatch.ios.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code crypto ipsec profile}, which a tunnel interface uses through {@code tunnel protection
 * ipsec profile NAME}.
 *
 * @param name the profile's name
 * @param transformSets the transform sets the profile offers, in order
 * @param pfsGroup the {@code set pfs} group, e.g. {@code group14}
 * @param lines the profile's configuration lines as printed, header first
 * @param saLifetime the profile's {@code set security-association lifetime seconds}
 */
public record IpsecProfileConfig(
    String name,
    List<String> transformSets,
    Optional<String> pfsGroup,
    List<String> lines,
    Optional<Duration> saLifetime) {

  public IpsecProfileConfig {
    Objects.requireNonNull(name, "name");
    transformSets = List.copyOf(transformSets);
    Objects.requireNonNull(pfsGroup, "pfsGroup");
    lines = List.copyOf(lines);
    Objects.requireNonNull(saLifetime, "saLifetime");
  }

  /** A profile without its own SA lifetime. */
  public IpsecProfileConfig(
      String name, List<String> transformSets, Optional<String> pfsGroup, List<String> lines) {
    this(name, transformSets, pfsGroup, lines, Optional.empty());
  }
}
