package io.tunnelwatch.snmp.mib;

import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.SnmpValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One table row with typed column accessors. An accessor returns empty for a missing column and,
 * with a warning, for a value of the wrong type; {@code require…} variants also warn when the
 * column is missing.
 */
final class MibRow {

  private final String table;
  private final Oid index;
  private final Map<Integer, SnmpValue> columns;
  private final List<MibWarning> warnings;

  MibRow(String table, Oid index, Map<Integer, SnmpValue> columns, List<MibWarning> warnings) {
    this.table = table;
    this.index = index;
    this.columns = columns;
    this.warnings = warnings;
  }

  Oid index() {
    return index;
  }

  /** The first index arc, for tables indexed by one integer. */
  long firstIndex() {
    return index.arc(0);
  }

  boolean has(int column) {
    return columns.containsKey(column);
  }

  void warn(String message) {
    warnings.add(new MibWarning(table, index.toString(), message));
  }

  /** A counter, gauge or time value read as an unsigned number. */
  OptionalLong unsigned(int column, String name) {
    SnmpValue v = columns.get(column);
    if (v == null) {
      return OptionalLong.empty();
    }
    if (v instanceof SnmpValue.Counter64 c) {
      if (c.value() < 0) {
        warn(name + " (." + column + ") exceeds 2^63-1, left empty");
        return OptionalLong.empty();
      }
      return OptionalLong.of(c.value());
    }
    if (v instanceof SnmpValue.Counter32 c) {
      return OptionalLong.of(c.value());
    }
    if (v instanceof SnmpValue.Gauge32 g) {
      return OptionalLong.of(g.value());
    }
    if (v instanceof SnmpValue.TimeTicks t) {
      return OptionalLong.of(t.hundredths());
    }
    if (v instanceof SnmpValue.Integer32 i && i.value() >= 0) {
      return OptionalLong.of(i.value());
    }
    warnWrongType(column, name, "a non-negative number", v);
    return OptionalLong.empty();
  }

  OptionalLong requireUnsigned(int column, String name) {
    warnIfMissing(column, name);
    return unsigned(column, name);
  }

  /** An INTEGER (an enumeration or a signed number). */
  OptionalInt integer(int column, String name) {
    SnmpValue v = columns.get(column);
    if (v == null) {
      return OptionalInt.empty();
    }
    if (v instanceof SnmpValue.Integer32 i) {
      return OptionalInt.of(i.value());
    }
    warnWrongType(column, name, "an INTEGER", v);
    return OptionalInt.empty();
  }

  OptionalInt requireInteger(int column, String name) {
    warnIfMissing(column, name);
    return integer(column, name);
  }

  Optional<byte[]> octets(int column, String name) {
    SnmpValue v = columns.get(column);
    if (v == null) {
      return Optional.empty();
    }
    if (v instanceof SnmpValue.OctetString s) {
      return Optional.of(s.bytes());
    }
    warnWrongType(column, name, "an OCTET STRING", v);
    return Optional.empty();
  }

  Optional<String> text(int column, String name) {
    return octets(column, name)
        .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8).strip());
  }

  Optional<String> requireText(int column, String name) {
    warnIfMissing(column, name);
    return text(column, name);
  }

  /** An {@code IPSIpAddress} / {@code InetAddress} octet string, or an {@code IpAddress}. */
  Optional<String> address(int column, String name) {
    SnmpValue v = columns.get(column);
    if (v instanceof SnmpValue.IpAddress ip) {
      return Optional.of(ip.address());
    }
    Optional<byte[]> bytes = octets(column, name);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> decoded = IpsAddress.decode(bytes.get());
    if (decoded.isEmpty()) {
      warn(
          name
              + " (."
              + column
              + ") is "
              + bytes.get().length
              + " bytes long, expected an IPv4 (4) or IPv6 (16) address");
    }
    return decoded;
  }

  Optional<String> requireAddress(int column, String name) {
    warnIfMissing(column, name);
    return address(column, name);
  }

  private void warnIfMissing(int column, String name) {
    if (!columns.containsKey(column)) {
      warn(name + " (." + column + ") missing");
    }
  }

  private void warnWrongType(int column, String name, String expected, SnmpValue actual) {
    warn(name + " (." + column + ") is " + actual.typeName() + ", expected " + expected);
  }
}
