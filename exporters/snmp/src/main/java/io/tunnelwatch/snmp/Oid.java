package io.tunnelwatch.snmp;

import java.util.Arrays;

/**
 * A numeric object identifier. Arcs are unsigned 32-bit numbers; they are kept in an {@code int[]}
 * and compared unsigned, so that {@code 4294967295} sorts after {@code 1} as the agent sorts it.
 */
public final class Oid implements Comparable<Oid> {

  private final int[] arcs;

  private Oid(int[] arcs) {
    this.arcs = arcs;
  }

  /**
   * Parses dotted numeric text such as {@code 1.3.6.1.2.1.1.3.0} (a leading dot is allowed).
   *
   * @throws IllegalArgumentException when the text is not a dotted list of unsigned 32-bit numbers
   */
  public static Oid parse(String text) {
    String body = text.startsWith(".") ? text.substring(1) : text;
    if (body.isEmpty()) {
      throw new IllegalArgumentException("expected a numeric OID like 1.3.6.1, got empty text");
    }
    String[] parts = body.split("\\.", -1);
    int[] arcs = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        arcs[i] = Integer.parseUnsignedInt(parts[i]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "expected a numeric OID like 1.3.6.1, got '" + text + "' (arc " + (i + 1) + ")", e);
      }
    }
    return new Oid(arcs);
  }

  /** An OID of the given arcs (copied). */
  public static Oid of(int... arcs) {
    if (arcs.length == 0) {
      throw new IllegalArgumentException("an OID needs at least one arc");
    }
    return new Oid(arcs.clone());
  }

  /** This OID followed by more arcs, e.g. a column followed by a row index. */
  public Oid append(int... more) {
    int[] joined = Arrays.copyOf(arcs, arcs.length + more.length);
    System.arraycopy(more, 0, joined, arcs.length, more.length);
    return new Oid(joined);
  }

  /** This OID followed by another's arcs. */
  public Oid append(Oid suffix) {
    return append(suffix.arcs);
  }

  public int size() {
    return arcs.length;
  }

  /** Arc {@code i} as an unsigned value. */
  public long arc(int i) {
    return Integer.toUnsignedLong(arcs[i]);
  }

  /** A copy of the arcs. */
  public int[] arcs() {
    return arcs.clone();
  }

  /** True when {@code prefix} is this OID or an ancestor of it. */
  public boolean startsWith(Oid prefix) {
    return prefix.arcs.length <= arcs.length
        && Arrays.equals(arcs, 0, prefix.arcs.length, prefix.arcs, 0, prefix.arcs.length);
  }

  /**
   * The arcs after {@code prefix}.
   *
   * @throws IllegalArgumentException if this OID is not below {@code prefix}
   */
  public Oid suffixAfter(Oid prefix) {
    if (!startsWith(prefix) || prefix.arcs.length == arcs.length) {
      throw new IllegalArgumentException(this + " is not below " + prefix);
    }
    return new Oid(Arrays.copyOfRange(arcs, prefix.arcs.length, arcs.length));
  }

  @Override
  public int compareTo(Oid other) {
    return Arrays.compareUnsigned(arcs, other.arcs);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Oid other && Arrays.equals(arcs, other.arcs);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(arcs);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < arcs.length; i++) {
      if (i > 0) {
        b.append('.');
      }
      b.append(Integer.toUnsignedString(arcs[i]));
    }
    return b.toString();
  }
}
