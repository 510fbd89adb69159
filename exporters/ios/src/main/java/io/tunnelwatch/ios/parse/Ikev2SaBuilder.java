package io.tunnelwatch.ios.parse;

import static io.tunnelwatch.ios.parse.CryptoSessionParser.isDigits;

import io.tunnelwatch.core.PeerText;
import io.tunnelwatch.ios.model.AddressFamily;
import io.tunnelwatch.ios.model.Ikev2Sa;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * Collects one IKEv2 SA while its row and field lines are read; the fields arrive over up to thirty
 * lines, in an order that differs between IOS-XE releases.
 */
final class Ikev2SaBuilder {

  private final ParseContext ctx;
  private final AddressFamily family;
  private final OptionalLong tunnelId;
  private final String status;
  private @Nullable String localAddress;
  private OptionalInt localPort = OptionalInt.empty();
  private @Nullable String remoteAddress;
  private OptionalInt remotePort = OptionalInt.empty();
  Optional<String> frontVrf = Optional.empty();
  Optional<String> insideVrf = Optional.empty();
  private Optional<String> encryption = Optional.empty();
  private OptionalInt keySize = OptionalInt.empty();
  private Optional<String> prf = Optional.empty();
  private Optional<String> hash = Optional.empty();
  private OptionalInt dhGroup = OptionalInt.empty();
  private Optional<String> authSign = Optional.empty();
  private Optional<String> authVerify = Optional.empty();
  OptionalLong lifetimeSeconds = OptionalLong.empty();
  OptionalLong activeSeconds = OptionalLong.empty();
  private OptionalLong ceId = OptionalLong.empty();
  private OptionalLong sessionId = OptionalLong.empty();
  Optional<String> localSpi = Optional.empty();
  Optional<String> remoteSpi = Optional.empty();
  Optional<String> statusDescription = Optional.empty();
  Optional<String> localId = Optional.empty();
  Optional<String> remoteId = Optional.empty();
  Optional<String> pqcKeyExchange = Optional.empty();
  private Optional<Boolean> initiator = Optional.empty();
  private final Line rowLine;

  Ikev2SaBuilder(ParseContext ctx, AddressFamily family, Line rowLine, String status) {
    this.ctx = ctx;
    this.family = family;
    this.rowLine = rowLine;
    this.tunnelId = ctx.number(rowLine.text().split("\\s+", 2)[0], rowLine);
    this.status = status;
  }

  /** {@code 10.1.1.1/500} or {@code 2001:DB8::1/4500}: the port follows the last slash. */
  void endpoint(Line line, boolean local, String text) {
    int slash = text.lastIndexOf('/');
    String address = slash < 0 ? text : text.substring(0, slash);
    OptionalInt port = OptionalInt.empty();
    if (slash >= 0) {
      String digits = text.substring(slash + 1);
      if (isDigits(digits)) {
        port = ctx.smallNumber(digits, line);
      } else {
        ctx.warn(line, "port is not a number: " + PeerText.quote(digits));
      }
    }
    if (local) {
      localAddress = address;
      localPort = port;
    } else {
      remoteAddress = address;
      remotePort = port;
    }
  }

  /**
   * {@code Encr: AES-CBC, keysize: 256, PRF: SHA512, Hash: SHA512, DH Grp:19, Auth sign: PSK, Auth
   * verify: PSK[, QR]}. Flags without a colon ({@code QR}) are not modelled.
   */
  void encryption(Line line, String text) {
    for (String part : text.split(",")) {
      String item = part.strip();
      int colon = item.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = item.substring(0, colon).strip();
      String value = item.substring(colon + 1).strip();
      switch (key) {
        case "Encr" -> encryption = Optional.of(value);
        case "keysize" -> keySize = small(value, line);
        case "PRF" -> prf = Optional.of(value);
        case "Hash" -> hash = Optional.of(value);
        case "DH Grp" -> dhGroup = small(value, line);
        case "Auth sign" -> authSign = Optional.of(value);
        case "Auth verify" -> authVerify = Optional.of(value);
        default -> ctx.warn(line, "unknown field " + PeerText.quote(key));
      }
    }
  }

  /** {@code CE id: 0, Session-id: 3}. */
  void sessionIds(Line line, String text) {
    for (String part : text.split(",")) {
      String item = part.strip();
      int colon = item.indexOf(':');
      String value = colon < 0 ? "" : item.substring(colon + 1).strip();
      if (!isDigits(value)) {
        ctx.warn(line, "not a number in " + PeerText.quote(item));
      } else if (item.startsWith("CE id")) {
        ceId = ctx.number(value, line);
      } else if (item.startsWith("Session-id")) {
        sessionId = ctx.number(value, line);
      } else {
        ctx.warn(line, "unknown field " + PeerText.quote(item));
      }
    }
  }

  void initiator(Line line, String value) {
    switch (value) {
      case "Yes" -> initiator = Optional.of(true);
      case "No" -> initiator = Optional.of(false);
      default -> ctx.warn(line, "initiator is neither Yes nor No: " + PeerText.quote(value));
    }
  }

  private OptionalInt small(String value, Line line) {
    if (isDigits(value)) {
      return ctx.smallNumber(value, line);
    }
    ctx.warn(line, "not a number: " + PeerText.quote(value));
    return OptionalInt.empty();
  }

  /** The SA, or null (with a warning) when its row never said where its ends are. */
  @Nullable Ikev2Sa build() {
    if (tunnelId.isEmpty() || localAddress == null || remoteAddress == null) {
      ctx.warn(rowLine, "SA without a tunnel id or without Local and Remote endpoints, skipped");
      return null;
    }
    OptionalLong remaining =
        lifetimeSeconds.isPresent() && activeSeconds.isPresent()
            ? OptionalLong.of(Math.max(0, lifetimeSeconds.getAsLong() - activeSeconds.getAsLong()))
            : OptionalLong.empty();
    return new Ikev2Sa(
        family,
        tunnelId.getAsLong(),
        localAddress,
        localPort,
        remoteAddress,
        remotePort,
        frontVrf,
        insideVrf,
        status,
        encryption,
        keySize,
        prf,
        hash,
        dhGroup,
        authSign,
        authVerify,
        lifetimeSeconds,
        activeSeconds,
        remaining,
        ceId,
        sessionId,
        localSpi,
        remoteSpi,
        statusDescription,
        localId,
        remoteId,
        pqcKeyExchange,
        initiator);
  }
}
