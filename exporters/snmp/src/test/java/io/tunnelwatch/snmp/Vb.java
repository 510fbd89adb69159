package io.tunnelwatch.snmp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/** Short builders for varbind fixtures. */
public final class Vb {

  private Vb() {}

  public static VarBind vb(Oid entry, int column, String index, SnmpValue value) {
    return new VarBind(Oid.parse(entry + "." + column + "." + index), value);
  }

  public static SnmpValue.Integer32 integer(int v) {
    return new SnmpValue.Integer32(v);
  }

  public static SnmpValue.Counter32 c32(long v) {
    return new SnmpValue.Counter32(v);
  }

  public static SnmpValue.Counter64 c64(long v) {
    return new SnmpValue.Counter64(v);
  }

  public static SnmpValue.Gauge32 gauge(long v) {
    return new SnmpValue.Gauge32(v);
  }

  public static SnmpValue.TimeTicks ticks(long hundredths) {
    return new SnmpValue.TimeTicks(hundredths);
  }

  public static SnmpValue.OctetString text(String s) {
    return new SnmpValue.OctetString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** An IPSIpAddress / InetAddress octet string. */
  public static SnmpValue.OctetString addr(String address) {
    try {
      return new SnmpValue.OctetString(InetAddress.getByName(address).getAddress());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(address, e);
    }
  }
}
