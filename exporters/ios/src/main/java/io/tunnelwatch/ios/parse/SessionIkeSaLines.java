package io.tunnelwatch.ios.parse;

import java.util.regex.Pattern;

/**
 * Recognises the IKE SA line of {@code show crypto session [detail]}, whole or wrapped.
 *
 * <p>IOS breaks the line when the endpoints are long (IPv6, or long IPv4 with NAT-T ports): the
 * {@code remote} part, or only the state, goes on the next line, e.g.
 *
 * <pre>
 *   IKEv2 SA: local 2001:DB8:ACAD:1::1/500
 *           remote 2001:DB8:ACAD:1::2/500 Active
 * </pre>
 *
 * The first line is a {@linkplain #isHead head}; {@link #JOINED} accepts the joined text only when
 * it is then a complete SA line with plain addresses and a one-word state, so that an unrelated
 * line following a truncated head is never taken for its remainder. Both patterns have the groups
 * version ({@code v1}, {@code v2} or none), local address, local port, remote address, remote port,
 * state.
 */
final class SessionIkeSaLines {

  /** A wrapped SA never spans more lines than this (local, remote, state). */
  static final int MAX_WRAPPED_LINES = 3;

  /** The SA line printed on one line. */
  static final Pattern WHOLE =
      Pattern.compile("IKE(v1|v2)? SA: local (\\S+)/(\\d+) remote (\\S+)/(\\d+) (\\S.*)");

  /** IPv4, IPv6 or IPv4-mapped IPv6 as IOS prints them. */
  private static final String ADDRESS = "[0-9A-Fa-f]*[:.][0-9A-Fa-f:.]*";

  private static final Pattern HEAD =
      Pattern.compile(
          "IKE(?:v1|v2)? SA: local " + ADDRESS + "/\\d{1,5}(?: remote " + ADDRESS + "/\\d{1,5})?");

  /** A head and its continuation lines, each joined with one space, as a complete SA line. */
  static final Pattern JOINED =
      Pattern.compile(
          "IKE(v1|v2)? SA: local ("
              + ADDRESS
              + ")/(\\d{1,5}) remote ("
              + ADDRESS
              + ")/(\\d{1,5}) ([A-Za-z][A-Za-z-]*)");

  private SessionIkeSaLines() {}

  /** True when the line starts an SA line whose remote part or state is on the next line. */
  static boolean isHead(String text) {
    return HEAD.matcher(text).matches();
  }
}
