package io.tunnelwatch.snmp.mib;

import io.tunnelwatch.core.model.SpiPair;
import io.tunnelwatch.snmp.VarBind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * {@code cipSecSpiTable} → per {@code cipSecTunIndex}, the newest active inbound and outbound ESP
 * SPI (the highest {@code cipSecSpiIndex} of each direction).
 */
public final class SpiReader {

  static final String TABLE = "cipSecSpiTable";
  private static final int DIRECTION = 2;
  private static final int VALUE = 3;
  private static final int PROTOCOL = 4;
  private static final int STATUS = 5;
  private static final int IN = 1;
  private static final int OUT = 2;
  private static final int ESP = 2;
  private static final int ACTIVE = 1;

  /** What one tunnel's SPI rows say. */
  public record TunnelSpis(Optional<String> inbound, Optional<String> outbound) {
    /** Both directions have an active ESP SA. */
    public boolean bothActive() {
      return inbound.isPresent() && outbound.isPresent();
    }

    public Optional<SpiPair> pair() {
      return bothActive()
          ? Optional.of(new SpiPair(inbound.get(), outbound.get()))
          : Optional.empty();
    }
  }

  private SpiReader() {}

  public static MibRead<Map<Long, TunnelSpis>> read(List<VarBind> cipSecSpiTable) {
    List<MibWarning> warnings = new ArrayList<>();
    Map<Long, TunnelSpis> byTunnel = new TreeMap<>();
    for (MibRow row : MibTable.of(TABLE, MibOids.CIPSEC_SPI_ENTRY, cipSecSpiTable).rows(warnings)) {
      if (row.index().size() != 2) {
        row.warn("row skipped: index is not cipSecTunIndex.cipSecSpiIndex");
        continue;
      }
      long tunnel = row.firstIndex();
      OptionalInt direction = row.requireInteger(DIRECTION, "cipSecSpiDirection");
      OptionalLong value = row.requireUnsigned(VALUE, "cipSecSpiValue");
      OptionalInt protocol = row.requireInteger(PROTOCOL, "cipSecSpiProtocol");
      OptionalInt status = row.requireInteger(STATUS, "cipSecSpiStatus");
      TunnelSpis current =
          byTunnel.computeIfAbsent(tunnel, t -> new TunnelSpis(Optional.empty(), Optional.empty()));
      if (direction.isEmpty() || value.isEmpty() || protocol.isEmpty() || status.isEmpty()) {
        row.warn("row skipped: incomplete");
        continue;
      }
      if (protocol.getAsInt() != ESP || status.getAsInt() != ACTIVE) {
        continue;
      }
      Optional<String> spi = Optional.of(format(value.getAsLong()));
      // Rows come in index order, so a later active row is a newer SA.
      if (direction.getAsInt() == IN) {
        byTunnel.put(tunnel, new TunnelSpis(spi, current.outbound()));
      } else if (direction.getAsInt() == OUT) {
        byTunnel.put(tunnel, new TunnelSpis(current.inbound(), spi));
      } else {
        row.warn("cipSecSpiDirection is " + direction.getAsInt() + ", expected in(1) or out(2)");
      }
    }
    return new MibRead<>(byTunnel, warnings);
  }

  /** As IOS prints SPIs: {@code 0x} and eight upper-case hex digits. */
  static String format(long spi) {
    return "0x" + String.format(Locale.ROOT, "%08X", spi);
  }
}
