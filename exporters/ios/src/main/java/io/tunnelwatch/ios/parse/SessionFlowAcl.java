package io.tunnelwatch.ios.parse;

import io.tunnelwatch.core.model.TrafficSelector;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the selector pair of an {@code IPSEC FLOW:} entry of {@code show crypto session}, e.g.
 * {@code permit 47 host 100.0.0.1 host 200.0.0.1}, {@code permit ip 192.168.1.0/255.255.255.0
 * 172.1.1.0/255.255.255.0} or {@code permit ipv6 ::/0 ::/0}, into the {@code flow} label {@code
 * show crypto ipsec sa} gives the same selectors ({@code 100.0.0.1/32:47->200.0.0.1/32:47}).
 */
public final class SessionFlowAcl {

  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f]*[:.][0-9A-Fa-f:.]*");
  private static final int IPV4_HOST = 32;
  private static final int IPV6_HOST = 128;
  private static final int MAX_PROTOCOL = 255;

  private SessionFlowAcl() {}

  /**
   * The {@code flow} label of the entry; empty when it is written in a form this class does not
   * know (ports, a deny, an address it cannot read), since a guessed label would name a series no
   * {@code show crypto ipsec sa} block ever matches.
   */
  public static Optional<String> flowLabel(String acl) {
    String[] tokens = acl.strip().split("\\s+");
    if (tokens.length < 4 || !tokens[0].equals("permit")) {
      return Optional.empty();
    }
    int protocol = protocol(tokens[1]);
    if (protocol < 0) {
      return Optional.empty();
    }
    Cursor cursor = new Cursor(tokens, 2);
    Optional<TrafficSelector> local = selector(cursor, protocol);
    Optional<TrafficSelector> remote = selector(cursor, protocol);
    if (local.isEmpty() || remote.isEmpty() || cursor.next < tokens.length) {
      return Optional.empty();
    }
    return Optional.of(TrafficSelector.flowLabel(local.get(), remote.get()));
  }

  /** {@code ip} and {@code ipv6} are any protocol; IOS prints every other one as its number. */
  private static int protocol(String token) {
    if (token.equals("ip") || token.equals("ipv6")) {
      return 0;
    }
    if (!CryptoSessionParser.isDigits(token) || token.length() > 3) {
      return -1;
    }
    int number = Integer.parseInt(token);
    return number <= MAX_PROTOCOL ? number : -1;
  }

  /** {@code host ADDRESS} or {@code ADDRESS/MASK} (dotted for IPv4, a length for IPv6). */
  private static Optional<TrafficSelector> selector(Cursor cursor, int protocol) {
    if (cursor.next >= cursor.tokens.length) {
      return Optional.empty();
    }
    String token = cursor.tokens[cursor.next++];
    if (token.equals("host")) {
      if (cursor.next >= cursor.tokens.length) {
        return Optional.empty();
      }
      String address = cursor.tokens[cursor.next++];
      if (!ADDRESS.matcher(address).matches()) {
        return Optional.empty();
      }
      int host = address.indexOf(':') >= 0 ? IPV6_HOST : IPV4_HOST;
      return Optional.of(new TrafficSelector(address, host, protocol, 0));
    }
    int slash = token.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String address = token.substring(0, slash);
    int prefix = IpsecSaParser.prefixLength(token.substring(slash + 1));
    if (!ADDRESS.matcher(address).matches() || prefix < 0) {
      return Optional.empty();
    }
    return Optional.of(new TrafficSelector(address, prefix, protocol, 0));
  }

  /** The tokens still to read; one per call, never shared. */
  private static final class Cursor {
    final String[] tokens;
    int next;

    Cursor(String[] tokens, int next) {
      this.tokens = tokens;
      this.next = next;
    }
  }
}
