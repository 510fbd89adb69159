package io.tunnelwatch.ios.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one access-list entry line into an {@link AclEntry}: {@code [SEQ] ACTION PROTOCOL SOURCE
 * [PORTS] DESTINATION [PORTS] [OPTIONS]} for extended lists, {@code [SEQ] ACTION SOURCE[, wildcard
 * bits W]} for standard ones.
 */
final class AclEntryReader {

  private static final Pattern COUNTER =
      Pattern.compile("\\s*\\((?:\\d+ match(?:es)?|hitcnt=\\d+)[^)]*\\)\\s*$");
  private static final Set<String> ONE_PORT = Set.of("eq", "neq", "lt", "gt");

  private final String[] words;
  private int at;

  private AclEntryReader(String[] words) {
    this.words = words;
  }

  /** The entry, or empty when the line is not an entry of that kind of list. */
  static Optional<AclEntry> read(String text, boolean extended) {
    String line = COUNTER.matcher(text).replaceFirst("").strip();
    AclEntryReader reader = new AclEntryReader(Tokens.split(line));
    return extended ? reader.extended(line) : reader.standard(line);
  }

  private Optional<AclEntry> extended(String line) {
    OptionalInt sequence = sequence();
    Optional<String> action = action();
    if (action.isEmpty() || at >= words.length) {
      return Optional.empty();
    }
    String protocol = words[at++];
    if (protocol.equals("object-group") && at < words.length) {
      protocol = protocol + " " + words[at++];
    }
    Optional<String> source = address();
    Optional<String> sourcePort = port();
    Optional<String> destination = address();
    Optional<String> destinationPort = port();
    if (source.isEmpty() || destination.isEmpty()) {
      return Optional.empty();
    }
    List<String> ports = new ArrayList<>();
    sourcePort.ifPresent(ports::add);
    destinationPort.ifPresent(ports::add);
    ports.addAll(Arrays.asList(words).subList(at, words.length));
    return Optional.of(
        new AclEntry(
            sequence.orElse(0),
            action.orElseThrow(),
            protocol,
            source.orElseThrow(),
            destination.orElseThrow(),
            ports,
            line,
            sourcePort,
            destinationPort));
  }

  private Optional<AclEntry> standard(String line) {
    OptionalInt sequence = sequence();
    Optional<String> action = action();
    Optional<String> source = Optional.empty();
    if (action.isPresent() && at < words.length) {
      String first = words[at];
      if (first.endsWith(",")
          && at + 3 < words.length
          && words[at + 1].equals("wildcard")
          && words[at + 2].equals("bits")
          && Ipv4.isAddress(first.substring(0, first.length() - 1))
          && Ipv4.isAddress(words[at + 3])) {
        source = Optional.of(first.substring(0, first.length() - 1) + "/" + words[at + 3]);
        at += 4;
      } else if (Ipv4.isAddress(first)) {
        source = Optional.of(first + "/0.0.0.0");
        at++;
      } else {
        source = address();
      }
    }
    if (source.isEmpty()) {
      return Optional.empty();
    }
    List<String> options = Arrays.asList(words).subList(at, words.length);
    return Optional.of(
        new AclEntry(
            sequence.orElse(0),
            action.orElseThrow(),
            "ip",
            source.orElseThrow(),
            AclEntry.ANY,
            options,
            line,
            Optional.empty(),
            Optional.empty()));
  }

  private OptionalInt sequence() {
    OptionalInt sequence = at < words.length ? Tokens.number(words[at]) : OptionalInt.empty();
    if (sequence.isPresent()) {
      at++;
    }
    return sequence;
  }

  private Optional<String> action() {
    if (at < words.length && (words[at].equals("permit") || words[at].equals("deny"))) {
      return Optional.of(words[at++]);
    }
    return Optional.empty();
  }

  private Optional<String> address() {
    if (at >= words.length) {
      return Optional.empty();
    }
    String word = words[at];
    if (word.equals("any")) {
      at++;
      return Optional.of(AclEntry.ANY);
    }
    if (at + 1 >= words.length) {
      return Optional.empty();
    }
    String next = words[at + 1];
    if (word.equals("host") && Ipv4.isAddress(next)) {
      at += 2;
      return Optional.of(next + "/0.0.0.0");
    }
    if (word.equals("object-group") || word.equals("addrgroup")) {
      at += 2;
      return Optional.of(word + " " + next);
    }
    if (Ipv4.isAddress(word) && Ipv4.isAddress(next)) {
      at += 2;
      return Optional.of(word + "/" + next);
    }
    return Optional.empty();
  }

  private Optional<String> port() {
    if (at + 1 < words.length && ONE_PORT.contains(words[at])) {
      String clause = words[at] + " " + words[at + 1];
      at += 2;
      return Optional.of(clause);
    }
    if (at + 2 < words.length && words[at].equals("range")) {
      String clause = "range " + words[at + 1] + " " + words[at + 2];
      at += 3;
      return Optional.of(clause);
    }
    return Optional.empty();
  }
}
