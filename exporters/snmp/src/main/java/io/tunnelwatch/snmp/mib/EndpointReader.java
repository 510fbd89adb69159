package io.tunnelwatch.snmp.mib;

import io.tunnelwatch.core.model.TrafficSelector;
import io.tunnelwatch.snmp.VarBind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * {@code cipSecEndPtTable} → the traffic-selector pair of each phase-2 tunnel, keyed by {@code
 * cipSecTunIndex}. A tunnel with several endpoint rows keeps the first and warns about the rest.
 */
public final class EndpointReader {

  static final String TABLE = "cipSecEndPtTable";
  private static final int SINGLE = 1;
  private static final int RANGE = 2;
  private static final int SUBNET = 3;

  /** The local and remote selector of one phase-2 tunnel. */
  public record Selectors(TrafficSelector local, TrafficSelector remote) {
    public String flowLabel() {
      return TrafficSelector.flowLabel(local, remote);
    }
  }

  private EndpointReader() {}

  public static MibRead<Map<Long, Selectors>> read(List<VarBind> cipSecEndPtTable) {
    List<MibWarning> warnings = new ArrayList<>();
    Map<Long, Selectors> byTunnel = new TreeMap<>();
    for (MibRow row :
        MibTable.of(TABLE, MibOids.CIPSEC_END_PT_ENTRY, cipSecEndPtTable).rows(warnings)) {
      if (row.index().size() != 2) {
        row.warn("row skipped: index is not cipSecTunIndex.cipSecEndPtIndex");
        continue;
      }
      long tunnel = row.firstIndex();
      Optional<TrafficSelector> local = selector(row, 3, "Local");
      Optional<TrafficSelector> remote = selector(row, 9, "Remote");
      if (local.isEmpty() || remote.isEmpty()) {
        row.warn("row skipped: traffic selector unusable");
        continue;
      }
      if (byTunnel.containsKey(tunnel)) {
        row.warn(
            "tunnel "
                + tunnel
                + " has more than one endpoint row; kept "
                + byTunnel.get(tunnel).flowLabel());
        continue;
      }
      byTunnel.put(tunnel, new Selectors(local.get(), remote.get()));
    }
    return new MibRead<>(byTunnel, warnings);
  }

  /** Columns from {@code typeColumn}: type, addr1, addr2, protocol, port. */
  private static Optional<TrafficSelector> selector(MibRow row, int typeColumn, String side) {
    String prefix = "cipSecEndPt" + side;
    OptionalInt type = row.requireInteger(typeColumn, prefix + "Type");
    Optional<byte[]> addr1 = row.octets(typeColumn + 1, prefix + "Addr1");
    Optional<byte[]> addr2 = row.octets(typeColumn + 2, prefix + "Addr2");
    OptionalLong protocol = row.requireUnsigned(typeColumn + 3, prefix + "Protocol");
    OptionalLong port = row.requireUnsigned(typeColumn + 4, prefix + "Port");
    if (type.isEmpty() || addr1.isEmpty() || protocol.isEmpty() || port.isEmpty()) {
      if (addr1.isEmpty()) {
        row.warn(prefix + "Addr1 (." + (typeColumn + 1) + ") missing");
      }
      return Optional.empty();
    }
    byte[] first = addr1.get();
    Optional<String> address = IpsAddress.decode(first);
    if (address.isEmpty()) {
      row.warn(prefix + "Addr1 is " + first.length + " bytes long, expected 4 or 16");
      return Optional.empty();
    }
    int bits = first.length * 8;
    Optional<Integer> prefixLength;
    switch (type.getAsInt()) {
      case SINGLE:
        prefixLength = Optional.of(bits);
        break;
      case SUBNET:
        prefixLength = addr2.flatMap(mask -> maskLength(first, mask));
        if (prefixLength.isEmpty()) {
          row.warn(prefix + "Addr2 is not a contiguous mask of the same family as Addr1");
        }
        break;
      case RANGE:
        prefixLength = addr2.flatMap(last -> rangeLength(first, last));
        if (prefixLength.isEmpty()) {
          row.warn(prefix + " range is not one prefix; flows are labelled by prefix");
        }
        break;
      default:
        row.warn(prefix + "Type is " + type.getAsInt() + ", expected 1, 2 or 3 (EndPtType)");
        prefixLength = Optional.empty();
    }
    if (prefixLength.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new TrafficSelector(
            address.get(), prefixLength.get(), (int) protocol.getAsLong(), (int) port.getAsLong()));
  }

  private static Optional<Integer> maskLength(byte[] address, byte[] mask) {
    if (mask.length != address.length) {
      return Optional.empty();
    }
    BigInteger m = new BigInteger(1, mask);
    int bits = mask.length * 8;
    int ones = m.bitCount();
    BigInteger expected =
        BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE.shiftLeft(bits - ones));
    return m.equals(expected) ? Optional.of(ones) : Optional.empty();
  }

  /** The prefix length when [first, last] is exactly one aligned prefix. */
  private static Optional<Integer> rangeLength(byte[] first, byte[] last) {
    if (first.length != last.length) {
      return Optional.empty();
    }
    BigInteger a = new BigInteger(1, first);
    BigInteger b = new BigInteger(1, last);
    BigInteger size = b.subtract(a).add(BigInteger.ONE);
    if (size.signum() <= 0 || size.bitCount() != 1) {
      return Optional.empty();
    }
    int hostBits = size.bitLength() - 1;
    if (!a.mod(size).equals(BigInteger.ZERO)) {
      return Optional.empty();
    }
    return Optional.of(first.length * 8 - hostBits);
  }
}
