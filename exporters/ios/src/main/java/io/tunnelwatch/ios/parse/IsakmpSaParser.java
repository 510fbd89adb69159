package io.tunnelwatch.ios.parse;

import static io.tunnelwatch.ios.parse.CryptoSessionParser.isDigits;

import io.tunnelwatch.core.PeerText;
import io.tunnelwatch.ios.model.AddressFamily;
import io.tunnelwatch.ios.model.IsakmpSa;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code show crypto isakmp sa} and {@code show crypto isakmp sa detail}: the plain table
 * ({@code dst src state conn-id [slot] status}), the detail table ({@code C-id Local Remote I-VRF
 * Status Encr Hash Auth DH Lifetime Cap.}) and the older detail table ({@code f_vrf/i_vrf Conn-id
 * Local Remote ...}), in IPv4 and IPv6 sections, with IPv6 rows wrapped over several lines and the
 * IPv6 {@code dst:/src:/state:} block form.
 */
public final class IsakmpSaParser {

  public static final String COMMAND = "show crypto isakmp sa";

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern LEGEND = Pattern.compile("(?:Codes: ?)?[A-Za-z]{1,5} - \\S.*");

  /** A wrapped row never spans more lines than this; beyond it the buffer is garbage. */
  private static final int MAX_WRAPPED_LINES = 4;

  private IsakmpSaParser() {}

  /**
   * Parses every SA row of both address families.
   *
   * @throws ParseException when the text is not isakmp-sa output
   */
  public static Parsed<List<IsakmpSa>> parse(String output) {
    ParseContext ctx = new ParseContext(COMMAND);
    List<Line> lines = CliText.lines(COMMAND, output);
    if (lines.isEmpty()) {
      throw ctx.fail("empty output; IOS always prints the 'IPv4 Crypto ISAKMP SA' header");
    }
    return ctx.result(new Run(ctx).parse(lines));
  }

  private enum Form {
    UNKNOWN,
    PLAIN,
    DETAIL,
    OLD_DETAIL
  }

  private static final class Run {
    private final ParseContext ctx;
    private final List<IsakmpSa> rows = new ArrayList<>();
    private AddressFamily family = AddressFamily.IPV4;
    private Form form = Form.UNKNOWN;
    private boolean recognised;
    private final List<String> pending = new ArrayList<>();
    // set exactly while pending holds tokens
    private @Nullable Line pendingStart;
    private int pendingLines;
    private @Nullable String kvDestination;
    private @Nullable String kvSource;

    Run(ParseContext ctx) {
      this.ctx = ctx;
    }

    List<IsakmpSa> parse(List<Line> lines) {
      for (Line line : lines) {
        parseLine(line);
      }
      dropPending("incomplete row at end of output");
      if (!recognised) {
        throw ctx.fail(lines.get(0), "not 'show crypto isakmp sa' output");
      }
      return rows;
    }

    private void parseLine(Line line) {
      String text = line.text();
      if (text.equals("IPv4 Crypto ISAKMP SA") || text.equals("IPv6 Crypto ISAKMP SA")) {
        dropPending("incomplete row before a section header");
        recognised = true;
        family = text.startsWith("IPv6") ? AddressFamily.IPV6 : AddressFamily.IPV4;
      } else if (text.startsWith("dst ") && text.contains(" src ") && text.contains("state")) {
        recognised = true;
        form = Form.PLAIN;
      } else if (text.startsWith("C-id ") && text.contains("Local")) {
        recognised = true;
        form = Form.DETAIL;
      } else if (text.startsWith("f_vrf/i_vrf ")) {
        recognised = true;
        form = Form.OLD_DETAIL;
      } else if (text.startsWith("Engine-id:Conn-id")) {
        engine(line, text);
      } else if (text.startsWith("dst: ")
          || text.startsWith("src: ")
          || text.startsWith("state: ")) {
        keyValueRow(line, text);
      } else if (LEGEND.matcher(text).matches()) {
        recognised = true;
      } else {
        row(line, text);
      }
    }

    private void row(Line line, String text) {
      Line start = pendingStart;
      if (pending.isEmpty() || start == null) {
        start = line;
        pendingStart = line;
      }
      pending.addAll(Arrays.asList(WHITESPACE.split(text)));
      pendingLines++;
      Form rowForm = form != Form.UNKNOWN ? form : guessForm(pending);
      String[] tokens = pending.toArray(String[]::new);
      IsakmpSa sa =
          rowForm == Form.PLAIN
              ? IsakmpTableRows.plain(family, tokens, ctx, line)
              : IsakmpTableRows.detail(family, tokens, rowForm == Form.OLD_DETAIL, ctx, line);
      if (sa != null) {
        rows.add(sa);
        recognised = true;
        clearPending();
      } else if (!couldContinue(tokens, rowForm) || pendingLines >= MAX_WRAPPED_LINES) {
        clearPending();
        if (!isSameLine(start, line)) {
          ctx.warn(start, "incomplete wrapped row, skipped");
        }
        ctx.unrecognised(line);
      }
    }

    private static Form guessForm(List<String> tokens) {
      return isDigits(tokens.get(0)) ? Form.DETAIL : Form.PLAIN;
    }

    /** A partial row is kept for the next line only while it still looks like the row's start. */
    private static boolean couldContinue(String[] tokens, Form rowForm) {
      int addresses = rowForm == Form.PLAIN ? 2 : 3;
      int limit = Math.min(tokens.length, addresses);
      for (int i = 0; i < limit; i++) {
        String t = tokens[i];
        boolean ok =
            (rowForm != Form.PLAIN && i == 0) ? isDigits(t) || t.contains("/") : isAddress(t);
        if (!ok) {
          return false;
        }
      }
      return tokens.length <= addresses + 1;
    }

    /** {@code Engine-id:Conn-id = SW:12609} belongs to the detail row above it. */
    private void engine(Line line, String text) {
      int eq = text.indexOf('=');
      String value = eq < 0 ? "" : text.substring(eq + 1).strip();
      int colon = value.indexOf(':');
      if (rows.isEmpty() || !rows.get(rows.size() - 1).sidesKnown()) {
        ctx.warn(line, "Engine-id line without a detail row, skipped");
        return;
      }
      if (colon <= 0 || !isDigits(value.substring(colon + 1))) {
        ctx.warn(line, "unrecognised Engine-id:Conn-id value");
        return;
      }
      IsakmpSa last = rows.remove(rows.size() - 1);
      rows.add(
          new IsakmpSa(
              last.family(),
              last.destination(),
              last.source(),
              last.sidesKnown(),
              last.state(),
              last.connId(),
              last.slot(),
              last.status(),
              last.deleted(),
              last.insideVrf(),
              last.encryption(),
              last.hash(),
              last.authentication(),
              last.dhGroup(),
              last.lifetimeRemainingSeconds(),
              last.capabilities(),
              Optional.of(value.substring(0, colon)),
              ctx.number(value.substring(colon + 1), line)));
    }

    /**
     * IPv6 rows in block form: {@code dst: A}, {@code src: B}, then {@code state: S conn-id: N
     * [slot: N] status: X}.
     */
    private void keyValueRow(Line line, String text) {
      recognised = true;
      if (text.startsWith("dst: ")) {
        kvDestination = text.substring(5).strip();
        return;
      }
      if (text.startsWith("src: ")) {
        kvSource = text.substring(5).strip();
        return;
      }
      String[] t = WHITESPACE.split(text);
      String state = null;
      OptionalLong connId = OptionalLong.empty();
      OptionalInt slot = OptionalInt.empty();
      Optional<String> status = Optional.empty();
      boolean deleted = false;
      for (int i = 0; i + 1 < t.length; i += 2) {
        String value = t[i + 1];
        switch (t[i]) {
          case "state:" -> state = value;
          case "conn-id:" -> connId = isDigits(value) ? ctx.number(value, line) : connId;
          case "slot:" -> slot = isDigits(value) ? ctx.smallNumber(value, line) : slot;
          case "status:" -> {
            String base = IsakmpTableRows.stripDeletedMark(value);
            deleted = base.length() != value.length();
            status = Optional.of(base);
            if (i + 2 < t.length && t[i + 2].equalsIgnoreCase("(deleted)")) {
              deleted = true;
              i++;
            }
          }
          default -> ctx.warn(line, "unknown field " + PeerText.quote(t[i]));
        }
      }
      if (kvDestination == null || kvSource == null || state == null) {
        ctx.warn(line, "state line without dst: and src: lines, skipped");
      } else {
        rows.add(
            IsakmpTableRows.stateRow(
                family, kvDestination, kvSource, state, connId, slot, status, deleted));
      }
      kvDestination = null;
      kvSource = null;
    }

    private void dropPending(String reason) {
      Line start = pendingStart;
      if (!pending.isEmpty() && start != null) {
        ctx.warn(start, reason + ", skipped");
        clearPending();
      }
    }

    private void clearPending() {
      pending.clear();
      pendingStart = null;
      pendingLines = 0;
    }
  }

  /** IPv4 or IPv6 literal shape; full validation is not the parser's job. */
  static boolean isAddress(String token) {
    boolean dot = false;
    boolean colon = false;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c == '.') {
        dot = true;
      } else if (c == ':') {
        colon = true;
      } else if (!Character.isLetterOrDigit(c) && c != '%') {
        return false;
      }
    }
    if (colon) {
      return true;
    }
    return dot && Character.isDigit(token.charAt(0));
  }

  // Identity, not equality: two wrapped lines with the same text are still two lines.
  @SuppressWarnings("ReferenceEquality")
  private static boolean isSameLine(Line a, Line b) {
    return a == b;
  }
}
