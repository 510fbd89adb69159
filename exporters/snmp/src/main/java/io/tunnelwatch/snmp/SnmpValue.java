package io.tunnelwatch.snmp;

import io.tunnelwatch.core.PeerText;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A varbind value in the project's own terms, so that MIB readers never see SNMP4J types. Unsigned
 * 32-bit values are widened to {@code long}; {@link Counter64} keeps the raw 64 bits.
 */
public sealed interface SnmpValue {

  /** {@code INTEGER} / {@code Integer32}. */
  record Integer32(int value) implements SnmpValue {}

  /** {@code Counter32}. */
  record Counter32(long value) implements SnmpValue {}

  /** {@code Gauge32} / {@code Unsigned32}. */
  record Gauge32(long value) implements SnmpValue {}

  /** {@code TimeTicks}, hundredths of a second. */
  record TimeTicks(long hundredths) implements SnmpValue {}

  /** {@code Counter64}; values above {@link Long#MAX_VALUE} read negative. */
  record Counter64(long value) implements SnmpValue {}

  /** {@code OCTET STRING}. */
  // The array is copied in and out, and equals/hashCode are overridden to compare contents.
  @SuppressWarnings("ArrayRecordComponent")
  record OctetString(byte[] bytes) implements SnmpValue {
    public OctetString {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    /** The bytes as text (ISO-8859-1, so every byte maps to one character). */
    public String text() {
      return new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof OctetString other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "OctetString[" + HexFormat.ofDelimiter(" ").formatHex(bytes) + "]";
    }
  }

  /** {@code IpAddress} (IPv4), in dotted form. */
  record IpAddress(String address) implements SnmpValue {}

  /** {@code OBJECT IDENTIFIER}. */
  record ObjectId(Oid oid) implements SnmpValue {}

  /** A syntax the readers have no use for (Opaque, BITS…), kept as text for messages. */
  record Other(String syntax, String text) implements SnmpValue {
    /** The agent's text escaped, since messages quote values. */
    @Override
    public String toString() {
      return "Other[" + syntax + " " + PeerText.quote(text) + "]";
    }
  }

  /** The {@code NULL} value and the three SNMPv2 exception values. */
  enum Absent implements SnmpValue {
    NULL,
    NO_SUCH_OBJECT,
    NO_SUCH_INSTANCE,
    END_OF_MIB_VIEW
  }

  /** A short type name for messages, e.g. {@code Counter64}. */
  default String typeName() {
    return this instanceof Absent a ? a.name() : getClass().getSimpleName();
  }
}
