package io.tunnelwatch.ios.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One sequence of a crypto map ({@code crypto map NAME SEQ ipsec-isakmp}).
 *
 * @param map the map's name
 * @param sequence the entry's sequence number
 * @param peers the {@code set peer} addresses, in order
 * @param transformSets the transform sets the entry offers, in order
 * @param matchAddress the access list selecting the traffic to protect
 * @param pfsGroup the {@code set pfs} group, e.g. {@code group14}
 * @param lines the entry's configuration lines as printed, header first
 * @param saLifetime the entry's {@code set security-association lifetime seconds}
 */
public record CryptoMapEntry(
    String map,
    int sequence,
    List<String> peers,
    List<String> transformSets,
    Optional<String> matchAddress,
    Optional<String> pfsGroup,
    List<String> lines,
    Optional<Duration> saLifetime) {

  public CryptoMapEntry {
    Objects.requireNonNull(map, "map");
    peers = List.copyOf(peers);
    transformSets = List.copyOf(transformSets);
    Objects.requireNonNull(matchAddress, "matchAddress");
    Objects.requireNonNull(pfsGroup, "pfsGroup");
    lines = List.copyOf(lines);
    Objects.requireNonNull(saLifetime, "saLifetime");
  }

  /** An entry without its own SA lifetime. */
  public CryptoMapEntry(
      String map,
      int sequence,
      List<String> peers,
      List<String> transformSets,
      Optional<String> matchAddress,
      Optional<String> pfsGroup,
      List<String> lines) {
    this(map, sequence, peers, transformSets, matchAddress, pfsGroup, lines, Optional.empty());
  }

  /** {@code CMAP 10}: how the entry is named in findings. */
  public String label() {
    return map + " " + sequence;
  }
}
