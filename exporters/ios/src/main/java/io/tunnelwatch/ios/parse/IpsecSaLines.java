package io.tunnelwatch.ios.parse;

import static io.tunnelwatch.ios.parse.CryptoSessionParser.isDigits;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lines of one SA in {@code show crypto ipsec sa} (transform, in-use settings, conn id,
 * timing, status) into its builder. Pure: all it touches is the builder and the parse context.
 */
final class IpsecSaLines {

  private static final Pattern KB_SEC = Pattern.compile("\\(k/sec\\): \\(([^/()]+)/(\\d+)\\)");
  private static final Pattern SEC = Pattern.compile("\\(sec\\): \\(?(\\d+)\\)?");

  private IpsecSaLines() {}

  /** Returns false when the line does not belong to an SA, so the flow gets to try it. */
  static boolean read(ParseContext ctx, IpsecSaBuilder sa, Line line, String text) {
    if (text.startsWith("transform:")) {
      String transform = text.substring("transform:".length()).strip();
      if (transform.endsWith(",")) {
        transform = transform.substring(0, transform.length() - 1).strip();
      }
      sa.transform = Optional.of(transform);
    } else if (text.startsWith("in use settings")) {
      int open = text.indexOf('{');
      int close = text.indexOf('}', open + 1);
      if (open < 0 || close < 0) {
        ctx.warn(line, "malformed in-use settings");
      } else {
        String first = text.substring(open + 1, close).split(",", 2)[0].strip();
        sa.mode = first.isEmpty() ? Optional.empty() : Optional.of(first);
      }
    } else if (text.startsWith("conn id:") || text.startsWith("slot:")) {
      connIdLine(ctx, sa, line, text);
    } else if (text.startsWith("sa timing:")) {
      timing(ctx, sa, line, text);
    } else if (text.equals("Kilobyte Volume Rekey has been disabled")) {
      sa.remainingKilobytes = OptionalLong.empty();
    } else if (text.startsWith("IV size:")
        || text.startsWith("replay detection support:")
        || text.startsWith("PQC ")
        || text.startsWith("ECN ")) {
      return true; // cipher properties; not monitored
    } else if (text.startsWith("Status:")) {
      sa.status = Optional.of(text.substring("Status:".length()).strip());
    } else {
      return false;
    }
    return true;
  }

  /** {@code [slot: 0, ]conn id: 2076, flow_id: CSR:76, sibling_flags X, crypto map: M[, ...]}. */
  private static void connIdLine(ParseContext ctx, IpsecSaBuilder sa, Line line, String text) {
    for (String field : text.split(",")) {
      String f = field.strip();
      int colon = f.indexOf(':');
      if (colon < 0) {
        continue; // sibling_flags has no colon; other bare words carry nothing we keep
      }
      String key = f.substring(0, colon).strip();
      String value = f.substring(colon + 1).strip();
      switch (key) {
        case "conn id" -> {
          if (isDigits(value)) {
            sa.connId = ctx.number(value, line);
          } else {
            ctx.warn(line, "conn id is not a number");
          }
        }
        case "flow_id" -> sa.flowId = Optional.of(value);
        case "crypto map" -> sa.cryptoMap = Optional.of(value);
        default -> {
          // slot, initiator and platform extras
        }
      }
    }
  }

  private static void timing(ParseContext ctx, IpsecSaBuilder sa, Line line, String text) {
    int at = text.indexOf("remaining key lifetime");
    if (at < 0) {
      ctx.warn(line, "unrecognised SA timing");
      return;
    }
    String rest = text.substring(at + "remaining key lifetime".length()).strip();
    Matcher m;
    if ((m = KB_SEC.matcher(rest)).matches()) {
      String kb = m.group(1);
      sa.remainingKilobytes = isDigits(kb) ? ctx.number(kb, line) : OptionalLong.empty();
      sa.remainingSeconds = ctx.number(m.group(2), line);
    } else if ((m = SEC.matcher(rest)).matches()) {
      sa.remainingSeconds = ctx.number(m.group(1), line);
    } else {
      OptionalLong seconds = Durations.words(rest);
      if (seconds.isEmpty()) {
        ctx.warn(line, "unrecognised remaining key lifetime");
      }
      sa.remainingSeconds = seconds;
    }
  }
}
