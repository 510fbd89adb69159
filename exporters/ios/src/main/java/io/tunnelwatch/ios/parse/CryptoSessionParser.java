package io.tunnelwatch.ios.parse;

import io.tunnelwatch.core.PeerText;
import io.tunnelwatch.core.model.IkeVersion;
import io.tunnelwatch.ios.model.CryptoSession;
import io.tunnelwatch.ios.model.SessionFlowDirection;
import io.tunnelwatch.ios.model.SessionIkeSa;
import io.tunnelwatch.ios.model.SessionIpsecFlow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Parses {@code show crypto session} and {@code show crypto session detail} (any filter). */
public final class CryptoSessionParser {

  public static final String COMMAND = "show crypto session";

  private static final Pattern PEER =
      Pattern.compile("Peer: (\\S+) port (\\d+)(?: fvrf: ?(\\S*) ivrf: ?(\\S*))?");
  private static final Pattern ACTIVE_SAS = Pattern.compile("Active SAs: (\\d+), origin: (.+)");
  private static final Pattern DIRECTION =
      Pattern.compile(
          "(Inbound|Outbound): +#pkts (?:dec|enc)'ed (\\d+) drop (\\d+) life \\(KB/Sec\\) (.+)/(\\S+)");
  private static final Pattern LEGEND = Pattern.compile("(?:Code: )?[A-Z] - .*");

  private CryptoSessionParser() {}

  /**
   * Parses the output into one entry per peer.
   *
   * @throws ParseException when the text is not crypto-session output
   */
  public static Parsed<List<CryptoSession>> parse(String output) {
    ParseContext ctx = new ParseContext(COMMAND);
    List<Line> lines = CliText.lines(COMMAND, output);
    if (lines.isEmpty()) {
      throw ctx.fail("empty output; IOS always prints 'Crypto session current status'");
    }
    return ctx.result(new Run(ctx).parse(lines));
  }

  /** The mutable state of one parse; never shared. */
  private static final class Run {
    private final ParseContext ctx;
    private final List<CryptoSession> sessions = new ArrayList<>();
    private boolean recognised;
    private @Nullable String interfaceName;
    private @Nullable String profile;
    private @Nullable String uptime;
    private @Nullable String status;
    private @Nullable SessionBuilder session;
    private @Nullable WrappedIke wrappedIke;

    Run(ParseContext ctx) {
      this.ctx = ctx;
    }

    List<CryptoSession> parse(List<Line> lines) {
      for (Line line : lines) {
        parseLine(line);
      }
      WrappedIke unfinished = wrappedIke;
      if (unfinished != null) {
        dropWrappedIke(unfinished);
      }
      finishSession();
      if (!recognised) {
        throw ctx.fail(lines.get(0), "not 'show crypto session' output");
      }
      return sessions;
    }

    private void parseLine(Line line) {
      WrappedIke wrapped = wrappedIke;
      if (wrapped != null && continuesIke(wrapped, line)) {
        return;
      }
      String text = line.text();
      if (text.equals("Crypto session current status")) {
        recognised = true;
      } else if (text.startsWith("Interface: ")) {
        finishSession();
        recognised = true;
        interfaceName = text.substring("Interface: ".length()).strip();
        profile = null;
        uptime = null;
        status = null;
      } else if (text.startsWith("Profile: ")) {
        finishSession();
        profile = text.substring("Profile: ".length()).strip();
      } else if (text.startsWith("Uptime: ")) {
        finishSession();
        uptime = text.substring("Uptime: ".length()).strip();
      } else if (text.startsWith("Session status: ")) {
        finishSession();
        status = text.substring("Session status: ".length()).strip();
      } else if (text.startsWith("Peer: ")) {
        startSession(line);
      } else if (LEGEND.matcher(text).matches()) {
        recognised = true;
      } else if (session == null) {
        ctx.warn(line, "session line outside a Peer block, skipped");
      } else {
        parseSessionLine(session, line, text);
      }
    }

    private void startSession(Line line) {
      finishSession();
      Matcher m = PEER.matcher(line.text());
      if (!m.matches()) {
        ctx.warn(line, "unrecognised Peer line, session skipped");
        return;
      }
      if (interfaceName == null) {
        ctx.warn(line, "Peer before any Interface line");
      }
      SessionBuilder started = new SessionBuilder(m.group(1), ctx.smallNumber(m.group(2), line));
      started.frontVrf = Optional.ofNullable(m.group(3));
      started.insideVrf = Optional.ofNullable(m.group(4));
      session = started;
    }

    private void parseSessionLine(SessionBuilder session, Line line, String text) {
      Matcher m;
      if (text.startsWith("Phase1_id: ")) {
        session.phase1Id = Optional.of(text.substring("Phase1_id: ".length()).strip());
      } else if (text.startsWith("System IP: ")) {
        // IOS-XE names the spoke's overlay address and tunnel here (FlexVPN); nothing to monitor
      } else if (text.startsWith("Desc: ")) {
        session.description = Optional.of(text.substring("Desc: ".length()).strip());
      } else if (text.startsWith("Session ID: ")) {
        String id = text.substring("Session ID: ".length()).strip();
        session.sessionId = isDigits(id) ? ctx.number(id, line) : OptionalLong.empty();
        if (!isDigits(id)) {
          ctx.warn(line, "session id is not a number");
        }
      } else if ((m = SessionIkeSaLines.WHOLE.matcher(text)).matches()) {
        session.finishIke();
        session.ike = new IkeBuilder(m);
      } else if (SessionIkeSaLines.isHead(text)) {
        session.finishIke();
        wrappedIke = new WrappedIke(session, line, text, 1);
      } else if (text.startsWith("Capabilities:")) {
        parseCapabilities(session, line, text);
      } else if (text.startsWith("IPSEC FLOW: ")) {
        session.finishFlow();
        session.flow = new FlowBuilder(text.substring("IPSEC FLOW: ".length()).strip());
      } else if ((m = ACTIVE_SAS.matcher(text)).matches()) {
        FlowBuilder flow = session.flow;
        if (flow == null) {
          ctx.warn(line, "Active SAs outside an IPSEC FLOW, skipped");
          return;
        }
        flow.activeSas = ctx.smallNumber(m.group(1), line);
        flow.origin = Optional.of(m.group(2).strip());
      } else if ((m = DIRECTION.matcher(text)).matches()) {
        parseDirection(session, line, m);
      } else {
        ctx.unrecognised(line);
      }
    }

    /**
     * Tries the line as the rest of a wrapped IKE SA line; false when it is not, and then the head
     * has been warned about and dropped and the line is left to the other rules.
     */
    private boolean continuesIke(WrappedIke wrapped, Line line) {
      wrappedIke = null;
      String text = wrapped.text() + " " + line.text();
      Matcher complete = SessionIkeSaLines.JOINED.matcher(text);
      if (complete.matches()) {
        wrapped.session().ike = new IkeBuilder(complete);
        return true;
      }
      if (wrapped.lines() < SessionIkeSaLines.MAX_WRAPPED_LINES - 1
          && SessionIkeSaLines.isHead(text)) {
        wrappedIke = new WrappedIke(wrapped.session(), wrapped.head(), text, wrapped.lines() + 1);
        return true;
      }
      dropWrappedIke(wrapped);
      return false;
    }

    private void dropWrappedIke(WrappedIke wrapped) {
      wrappedIke = null;
      ctx.warn(wrapped.head(), "IKE SA line without the rest of its wrapped text, skipped");
    }

    /** {@code Capabilities:D connid:1042 lifetime:05:50:03}; fields are keyed, order is not. */
    private void parseCapabilities(SessionBuilder session, Line line, String text) {
      IkeBuilder ike = session.ike;
      if (ike == null) {
        ctx.warn(line, "Capabilities line without an IKE SA line, skipped");
        return;
      }
      for (String token : text.split("\\s+")) {
        int colon = token.indexOf(':');
        if (colon < 0) {
          ctx.warn(line, "unrecognised capability field " + PeerText.quote(token));
          continue;
        }
        String key = token.substring(0, colon);
        String value = token.substring(colon + 1);
        switch (key) {
          case "Capabilities" -> ike.capabilities = Optional.of(value);
          case "connid" -> {
            if (isDigits(value)) {
              ike.connId = ctx.number(value, line);
            } else {
              ctx.warn(line, "connid is not a number");
            }
          }
          case "lifetime" -> {
            ike.lifetime = Durations.clock(value);
            if (ike.lifetime.isEmpty()) {
              ctx.warn(line, "lifetime is not hh:mm:ss");
            }
          }
          default -> ctx.warn(line, "unknown capability field " + PeerText.quote(key));
        }
      }
    }

    private void parseDirection(SessionBuilder session, Line line, Matcher m) {
      FlowBuilder flow = session.flow;
      if (flow == null) {
        ctx.warn(line, "flow counters outside an IPSEC FLOW, skipped");
        return;
      }
      OptionalLong packets = ctx.number(m.group(2), line);
      OptionalLong drops = ctx.number(m.group(3), line);
      if (packets.isEmpty() || drops.isEmpty()) {
        return;
      }
      String kb = m.group(4).strip();
      OptionalLong lifeKb = isDigits(kb) ? ctx.number(kb, line) : OptionalLong.empty();
      String sec = m.group(5);
      OptionalLong lifeSec = isDigits(sec) ? ctx.number(sec, line) : OptionalLong.empty();
      if (!isDigits(sec)) {
        ctx.warn(line, "lifetime seconds are not a number");
      }
      SessionFlowDirection direction =
          new SessionFlowDirection(packets.getAsLong(), drops.getAsLong(), lifeKb, lifeSec);
      if (m.group(1).equals("Inbound")) {
        flow.inbound = Optional.of(direction);
      } else {
        flow.outbound = Optional.of(direction);
      }
    }

    private void finishSession() {
      SessionBuilder session = this.session;
      if (session == null) {
        return;
      }
      session.finishIke();
      session.finishFlow();
      sessions.add(
          new CryptoSession(
              interfaceName == null ? "" : interfaceName,
              Optional.ofNullable(profile),
              Optional.ofNullable(uptime),
              Optional.ofNullable(status),
              session.peer,
              session.peerPort,
              session.frontVrf,
              session.insideVrf,
              session.phase1Id,
              session.description,
              session.sessionId,
              session.ikeSas,
              session.flows));
      this.session = null;
    }
  }

  /**
   * The lines seen so far of an IKE SA line IOS wrapped.
   *
   * @param session the session the SA belongs to
   * @param head the SA's first line, which warnings point at
   * @param text the lines so far, joined with one space
   * @param lines how many lines {@code text} holds
   */
  private record WrappedIke(SessionBuilder session, Line head, String text, int lines) {}

  private static final class SessionBuilder {
    final String peer;
    final OptionalInt peerPort;
    Optional<String> frontVrf = Optional.empty();
    Optional<String> insideVrf = Optional.empty();
    Optional<String> phase1Id = Optional.empty();
    Optional<String> description = Optional.empty();
    OptionalLong sessionId = OptionalLong.empty();
    final List<SessionIkeSa> ikeSas = new ArrayList<>();
    final List<SessionIpsecFlow> flows = new ArrayList<>();
    @Nullable IkeBuilder ike;
    @Nullable FlowBuilder flow;

    SessionBuilder(String peer, OptionalInt peerPort) {
      this.peer = peer;
      this.peerPort = peerPort;
    }

    void finishIke() {
      IkeBuilder done = ike;
      if (done != null) {
        ikeSas.add(done.build());
        ike = null;
      }
    }

    void finishFlow() {
      FlowBuilder done = flow;
      if (done != null) {
        flows.add(done.build());
        flow = null;
      }
    }
  }

  private static final class IkeBuilder {
    final IkeVersion version;
    final String local;
    final int localPort;
    final String remote;
    final int remotePort;
    final String status;
    Optional<String> capabilities = Optional.empty();
    OptionalLong connId = OptionalLong.empty();
    OptionalLong lifetime = OptionalLong.empty();

    IkeBuilder(Matcher m) {
      String v = m.group(1);
      version = "v2".equals(v) ? IkeVersion.IKEV2 : IkeVersion.IKEV1;
      local = m.group(2);
      localPort = port(m.group(3));
      remote = m.group(4);
      remotePort = port(m.group(5));
      status = m.group(6).strip();
    }

    SessionIkeSa build() {
      return new SessionIkeSa(
          version, local, localPort, remote, remotePort, status, capabilities, connId, lifetime);
    }
  }

  private static final class FlowBuilder {
    final String acl;
    OptionalInt activeSas = OptionalInt.empty();
    Optional<String> origin = Optional.empty();
    Optional<SessionFlowDirection> inbound = Optional.empty();
    Optional<SessionFlowDirection> outbound = Optional.empty();

    FlowBuilder(String acl) {
      this.acl = acl;
    }

    SessionIpsecFlow build() {
      return new SessionIpsecFlow(acl, activeSas, origin, inbound, outbound);
    }
  }

  /** Ports are at most five digits; the pattern guarantees digits. */
  private static int port(String digits) {
    long value = Durations.digits(digits, 0, digits.length());
    return value < 0 || value > 65_535 ? -1 : (int) value;
  }

  static boolean isDigits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
