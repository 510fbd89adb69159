package io.tunnelwatch.ios.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The lines crypto map entries and IPsec profiles have in common ({@code set transform-set}, {@code
 * set pfs}, {@code set security-association lifetime}), read into one mutable collector per block.
 */
final class SetLines {

  /** Lines that configure something the checks do not look at; skipped without a warning. */
  private static final Set<String> IGNORED =
      Set.of(
          "description",
          "set isakmp-profile",
          "set ikev2-profile",
          "reverse-route",
          "set reverse-route",
          "qos",
          "set security-association",
          "set nat",
          "set security-policy",
          "responder-only",
          "set mixed-mode",
          "set identity",
          "set default");

  final List<String> peers = new ArrayList<>();
  final List<String> transformSets = new ArrayList<>();
  Optional<String> matchAddress = Optional.empty();
  Optional<String> pfsGroup = Optional.empty();
  Optional<Duration> saLifetime = Optional.empty();

  /** Reads every child of {@code block}; {@code allowPeers} is false for IPsec profiles. */
  void read(ConfigBlock block, boolean allowPeers, ConfigWarnings warnings) {
    for (ConfigLine line : block.children()) {
      read(line, allowPeers, warnings);
    }
  }

  private void read(ConfigLine line, boolean allowPeers, ConfigWarnings warnings) {
    String[] words = Tokens.split(line.text());
    if (allowPeers && Tokens.startsWith(words, "set", "peer") && words.length >= 3) {
      peers.add(words[2]);
    } else if (Tokens.startsWith(words, "set", "transform-set") && words.length >= 3) {
      transformSets.addAll(Arrays.asList(words).subList(2, words.length));
    } else if (allowPeers && Tokens.startsWith(words, "match", "address") && words.length == 3) {
      matchAddress = Optional.of(words[2]);
    } else if (Tokens.startsWith(words, "set", "pfs") && words.length <= 3) {
      // IOS uses group 1 when "set pfs" names no group.
      pfsGroup = Optional.of(words.length == 3 ? words[2] : "group1");
    } else if (Tokens.startsWith(words, "set", "security-association", "lifetime", "seconds")
        && words.length == 5
        && Tokens.number(words[4]).isPresent()) {
      saLifetime = Optional.of(Duration.ofSeconds(Tokens.number(words[4]).getAsInt()));
    } else if (!isIgnored(words)) {
      warnings.unrecognised(line);
    }
  }

  private static boolean isIgnored(String[] words) {
    return IGNORED.contains(words[0])
        || (words.length > 1 && IGNORED.contains(words[0] + " " + words[1]));
  }
}
