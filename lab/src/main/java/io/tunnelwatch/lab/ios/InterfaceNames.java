package io.tunnelwatch.lab.ios;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns an interface name as typed ({@code tu10}, {@code Tunnel 10}, {@code g0/1}) into the
 * router's full name, as IOS accepts it wherever a command takes an interface.
 */
final class InterfaceNames {

  /** Interface types IOS knows, so that {@code Lo0} is "no such interface", not a typo. */
  private static final List<String> IOS_INTERFACE_TYPES =
      List.of(
          "GigabitEthernet",
          "FastEthernet",
          "Ethernet",
          "Loopback",
          "Serial",
          "Tunnel",
          "Vlan",
          "Port-channel");

  private final List<String> names;

  /**
   * @param names the router's interfaces, full names, e.g. {@code Tunnel10}
   */
  InterfaceNames(List<String> names) {
    this.names = List.copyOf(names);
  }

  /** The interface the words name together, if the router has it. */
  Optional<String> resolve(List<Token> tokens) {
    String joined = joined(tokens);
    int digit = firstDigit(joined);
    if (digit <= 0) {
      return Optional.empty();
    }
    String type = joined.substring(0, digit).toLowerCase(Locale.ROOT);
    String number = joined.substring(digit);
    return names.stream()
        .filter(n -> n.toLowerCase(Locale.ROOT).startsWith(type))
        .filter(n -> n.substring(firstDigit(n)).equals(number))
        .findFirst();
  }

  /** True if the words are a known interface type without its number ({@code tunnel}). */
  static boolean typeOnly(List<Token> tokens) {
    String joined = joined(tokens);
    String lower = joined.toLowerCase(Locale.ROOT);
    return !joined.isEmpty()
        && firstDigit(joined) < 0
        && IOS_INTERFACE_TYPES.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).startsWith(lower));
  }

  private static String joined(List<Token> tokens) {
    return String.join("", tokens.stream().map(Token::text).toList());
  }

  private static int firstDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
