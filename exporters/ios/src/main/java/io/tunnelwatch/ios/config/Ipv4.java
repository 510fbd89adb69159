package io.tunnelwatch.ios.config;

import java.util.OptionalLong;

/** Dotted-quad IPv4 arithmetic the configuration checks and diagnose need. */
public final class Ipv4 {

  private Ipv4() {}

  /** The address as an unsigned 32-bit value, empty when the text is not a dotted quad. */
  public static OptionalLong parse(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return OptionalLong.empty();
    }
    long value = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        return OptionalLong.empty();
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return OptionalLong.empty();
      }
      value = (value << 8) | octet;
    }
    return OptionalLong.of(value);
  }

  /** The dotted quad of an unsigned 32-bit value. */
  public static String format(long address) {
    return ((address >> 24) & 255)
        + "."
        + ((address >> 16) & 255)
        + "."
        + ((address >> 8) & 255)
        + "."
        + (address & 255);
  }

  static boolean isAddress(String text) {
    return parse(text).isPresent();
  }

  /** Bits set in a contiguous mask such as 255.255.255.0; -1 when not a contiguous mask. */
  static int prefixLength(String mask) {
    OptionalLong value = parse(mask);
    if (value.isEmpty()) {
      return -1;
    }
    long bits = value.getAsLong();
    int length = Long.bitCount(bits);
    long expected = length == 0 ? 0 : (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
    return bits == expected ? length : -1;
  }

  /** True when {@code address} lies in the network {@code network}/{@code mask}. */
  static boolean inNetwork(String address, String network, String mask) {
    OptionalLong a = parse(address);
    OptionalLong n = parse(network);
    OptionalLong m = parse(mask);
    if (a.isEmpty() || n.isEmpty() || m.isEmpty()) {
      return false;
    }
    return (a.getAsLong() & m.getAsLong()) == (n.getAsLong() & m.getAsLong());
  }
}
