package io.tunnelwatch.agent.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * What a device's {@code host} may be: an IPv4 or IPv6 address, or a host name of RFC 1123 labels.
 * Anything else (a leading {@code -}, a space) would reach the SSH or SNMP library as an argument
 * it refuses at every poll.
 */
final class HostNames {

  private static final Pattern LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
  private static final int MAX_NAME = 253;

  private HostNames() {}

  static boolean isHostOrAddress(String host) {
    if (IPV4.matcher(host).matches()) {
      return true;
    }
    if (host.contains(":")) {
      return isIpv6(host);
    }
    // a dotted quad out of range is a mistyped address, not a name
    if (DIGITS_AND_DOTS.matcher(host).matches()) {
      return false;
    }
    String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (name.isEmpty() || name.length() > MAX_NAME) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (!LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6(String host) {
    if (!IPV6_CHARACTERS.matcher(host).matches()) {
      return false;
    }
    try {
      // a literal with ':' is parsed, never looked up
      InetAddress.getByName(host);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
