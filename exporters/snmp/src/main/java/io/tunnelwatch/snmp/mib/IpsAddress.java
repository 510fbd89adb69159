package io.tunnelwatch.snmp.mib;

import java.util.Optional;

/**
 * Decodes {@code IPSIpAddress} (and {@code InetAddress}) octet strings: 4 bytes are IPv4 in dotted
 * form, 16 bytes IPv6 in the RFC 5952 form ({@code 2001:db8::1}).
 */
public final class IpsAddress {

  private IpsAddress() {}

  /** The address, or empty when the length is neither 4 nor 16. */
  public static Optional<String> decode(byte[] bytes) {
    if (bytes.length == 4) {
      return Optional.of(
          (bytes[0] & 0xff)
              + "."
              + (bytes[1] & 0xff)
              + "."
              + (bytes[2] & 0xff)
              + "."
              + (bytes[3] & 0xff));
    }
    if (bytes.length == 16) {
      return Optional.of(ipv6(bytes));
    }
    return Optional.empty();
  }

  private static String ipv6(byte[] b) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    // RFC 5952: compress the longest run (first on a tie) of two or more zero groups.
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        s.append("::");
        i += bestLength - 1;
        continue;
      }
      if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
        s.append(':');
      }
      s.append(Integer.toHexString(groups[i]));
    }
    return s.toString();
  }
}
