package io.tunnelwatch.ios.parse;

import static io.tunnelwatch.ios.parse.CryptoSessionParser.isDigits;

import io.tunnelwatch.core.PeerText;
import io.tunnelwatch.ios.model.AddressFamily;
import io.tunnelwatch.ios.model.IsakmpSa;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Reads one whole table row of {@code show crypto isakmp sa}, plain or detail, from its tokens (a
 * wrapped row's lines joined). Pure: null when the tokens are not (yet) a complete row.
 */
final class IsakmpTableRows {

  private IsakmpTableRows() {}

  /** {@code dst src state conn-id [slot] [status [(deleted)]]}. */
  static @Nullable IsakmpSa plain(AddressFamily family, String[] t, ParseContext ctx, Line line) {
    if (t.length < 4
        || !IsakmpSaParser.isAddress(t[0])
        || !IsakmpSaParser.isAddress(t[1])
        || !isDigits(t[3])) {
      return null;
    }
    int i = 4;
    OptionalInt slot = OptionalInt.empty();
    if (i < t.length && isDigits(t[i])) {
      slot = ctx.smallNumber(t[i], line);
      i++;
    }
    Optional<String> status = Optional.empty();
    boolean deleted = false;
    StringBuilder rest = new StringBuilder();
    for (; i < t.length; i++) {
      String token = t[i];
      if (status.isEmpty() && !token.startsWith("(")) {
        String base = stripDeletedMark(token);
        deleted |= base.length() != token.length();
        status = Optional.of(base);
      } else if (token.equalsIgnoreCase("(deleted)")) {
        deleted = true;
      } else {
        rest.append(' ').append(token);
      }
    }
    if (rest.length() > 0) {
      ctx.warn(line, "unexpected trailing text " + PeerText.quote(rest.toString().strip()));
    }
    return stateRow(family, t[0], t[1], t[2], ctx.number(t[3], line), slot, status, deleted);
  }

  /** A row of the plain (not detail) form: sides, state and status, no negotiated parameters. */
  static IsakmpSa stateRow(
      AddressFamily family,
      String destination,
      String source,
      String state,
      OptionalLong connId,
      OptionalInt slot,
      Optional<String> status,
      boolean deleted) {
    return new IsakmpSa(
        family,
        destination,
        source,
        false,
        Optional.of(state),
        connId,
        slot,
        status,
        deleted,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalInt.empty(),
        OptionalLong.empty(),
        Optional.empty(),
        Optional.empty(),
        OptionalLong.empty());
  }

  /**
   * A detail row, or with {@code oldDetail} an {@code f_vrf/i_vrf} row. Detail rows have blank
   * cells (I-VRF, Cap.), so columns are found from the one cell with a fixed shape: the hh:mm:ss
   * lifetime, with Encr Hash Auth DH right before it.
   */
  static @Nullable IsakmpSa detail(
      AddressFamily family, String[] t, boolean oldDetail, ParseContext ctx, Line line) {
    int lifetimeAt = lastLifetimeCell(t);
    if (lifetimeAt < 0) {
      return null;
    }
    int encrAt = lifetimeAt - 4;
    int connIdAt;
    Optional<String> status = Optional.empty();
    Optional<String> ivrf = Optional.empty();
    boolean deleted = false;
    if (oldDetail) {
      connIdAt = encrAt - 3;
      if (connIdAt < 0) {
        return null;
      }
    } else {
      connIdAt = 0;
      int statusAt = encrAt - 1;
      if (statusAt < 3 || statusAt > 4) {
        return null;
      }
      String base = stripDeletedMark(t[statusAt]);
      deleted = base.length() != t[statusAt].length();
      status = Optional.of(base);
      if (statusAt == 4) {
        ivrf = Optional.of(t[3]);
      }
    }
    if (!isDigits(t[connIdAt])
        || !IsakmpSaParser.isAddress(t[connIdAt + 1])
        || !IsakmpSaParser.isAddress(t[connIdAt + 2])
        || !isDigits(t[lifetimeAt - 1])) {
      return null;
    }
    Optional<String> caps =
        lifetimeAt + 1 < t.length
            ? Optional.of(String.join(" ", Arrays.copyOfRange(t, lifetimeAt + 1, t.length)))
            : Optional.empty();
    return new IsakmpSa(
        family,
        t[connIdAt + 2],
        t[connIdAt + 1],
        true,
        Optional.empty(),
        ctx.number(t[connIdAt], line),
        OptionalInt.empty(),
        status,
        deleted,
        ivrf,
        Optional.of(t[encrAt]),
        Optional.of(t[encrAt + 1]),
        Optional.of(t[encrAt + 2]),
        ctx.smallNumber(t[lifetimeAt - 1], line),
        Durations.clock(t[lifetimeAt]),
        caps,
        Optional.empty(),
        OptionalLong.empty());
  }

  /** The last hh:mm:ss cell, or -1. */
  private static int lastLifetimeCell(String[] t) {
    for (int i = t.length - 1; i >= 0; i--) {
      if (Durations.clock(t[i]).isPresent()) {
        return i;
      }
    }
    return -1;
  }

  static String stripDeletedMark(String status) {
    int paren = status.indexOf("(deleted)");
    return paren > 0 ? status.substring(0, paren) : status;
  }
}
