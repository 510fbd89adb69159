package io.tunnelwatch.agent.diagnose;

import java.util.regex.Pattern;

/**
 * A command {@code diagnose} may send to a router: read-only {@code show} commands and a short
 * bounded {@code ping}, nothing else. The only way to get one is through these factories, which
 * check every argument, so that no text from a router, a configuration or a URL can turn into
 * another command (a {@code ;}, a newline, {@code | redirect} or a configuration mode).
 *
 * @param text the command line as sent
 */
public record AllowedCommand(String text) {

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]{2,39}");
  private static final Pattern INTERFACE = Pattern.compile("[A-Za-z][A-Za-z0-9/.:-]{0,63}");

  /** Packets each ping sends; its timeout is one second each, so a ping costs at most 5 s. */
  static final int PING_REPEAT = 5;

  public AllowedCommand {
    if (text.contains("\n") || text.contains("\r")) {
      throw new IllegalArgumentException("a command is one line");
    }
  }

  static AllowedCommand isakmpSa() {
    return new AllowedCommand("show crypto isakmp sa");
  }

  static AllowedCommand ikev2Sa() {
    return new AllowedCommand("show crypto ikev2 sa");
  }

  static AllowedCommand ipsecSa(String peer) {
    return new AllowedCommand("show crypto ipsec sa peer " + address(peer));
  }

  static AllowedCommand allInterfaces() {
    return new AllowedCommand("show interfaces");
  }

  /** {@code source} is an interface name or an address, as IOS accepts either. */
  static AllowedCommand ping(String target, String source) {
    String from = IPV4.matcher(source).matches() ? address(source) : interfaceName(source);
    return new AllowedCommand(
        "ping " + address(target) + " source " + from + " repeat " + PING_REPEAT + " timeout 1");
  }

  static AllowedCommand cryptoConfig() {
    return new AllowedCommand("show running-config | section crypto");
  }

  static AllowedCommand interfaceConfig(String name) {
    return new AllowedCommand("show running-config interface " + interfaceName(name));
  }

  static AllowedCommand accessLists() {
    return new AllowedCommand("show ip access-lists");
  }

  static String address(String text) {
    if (IPV4.matcher(text).matches() || (text.contains(":") && IPV6.matcher(text).matches())) {
      return text;
    }
    throw new IllegalArgumentException("not an IP address: " + Evidence.shorten(text));
  }

  static String interfaceName(String text) {
    if (INTERFACE.matcher(text).matches()) {
      return text;
    }
    throw new IllegalArgumentException("not an interface name: " + Evidence.shorten(text));
  }

  static boolean isAddress(String text) {
    return IPV4.matcher(text).matches() || (text.contains(":") && IPV6.matcher(text).matches());
  }
}
