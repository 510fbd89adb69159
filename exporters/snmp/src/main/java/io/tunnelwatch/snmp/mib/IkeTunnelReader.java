package io.tunnelwatch.snmp.mib;

import io.tunnelwatch.core.model.IkeSa;
import io.tunnelwatch.core.model.IkeVersion;
import io.tunnelwatch.snmp.VarBind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code cikeTunnelTable} → one {@link IkeSa} per peer.
 *
 * <p>While IOS rekeys, the old and the new SA of a peer are both rows; the peer's SA is then the
 * active one that has existed for the shortest time (the newest). The row index ({@code
 * cikeTunIndex}) becomes the SA's {@code connId}: IOS allocates a new index for every SA, so it
 * tells a rekey from the same SA seen again.
 */
public final class IkeTunnelReader {

  static final String TABLE = "cikeTunnelTable";
  private static final int LOCAL_ADDR = 4;
  private static final int REMOTE_ADDR = 8;
  private static final int LIFETIME = 15;
  private static final int ACTIVE_TIME = 16;
  private static final int STATUS = 35;

  private IkeTunnelReader() {}

  public static MibRead<List<IkeSa>> read(List<VarBind> cikeTunnelTable) {
    List<MibWarning> warnings = new ArrayList<>();
    Map<String, IkeSa> byPeer = new LinkedHashMap<>();
    for (MibRow row :
        MibTable.of(TABLE, MibOids.CIKE_TUNNEL_ENTRY, cikeTunnelTable).rows(warnings)) {
      Optional<String> peer = row.requireAddress(REMOTE_ADDR, "cikeTunRemoteAddr");
      if (peer.isEmpty()) {
        row.warn("row skipped: no usable peer address");
        continue;
      }
      String local = row.requireAddress(LOCAL_ADDR, "cikeTunLocalAddr").orElse("");
      OptionalInt status = row.requireInteger(STATUS, "cikeTunStatus");
      OptionalLong lifetime = row.requireUnsigned(LIFETIME, "cikeTunLifeTime");
      OptionalLong activeHundredths = row.requireUnsigned(ACTIVE_TIME, "cikeTunActiveTime");
      OptionalLong active =
          activeHundredths.isPresent()
              ? OptionalLong.of(activeHundredths.getAsLong() / 100)
              : OptionalLong.empty();
      IkeSa sa =
          new IkeSa(
              peer.get(),
              local,
              // This MIB describes ISAKMP (IKEv1) SAs; the CLI knows the version for sure.
              IkeVersion.UNKNOWN,
              TunnelStatusNames.name(status),
              status.isPresent() && status.getAsInt() == TunnelStatusNames.ACTIVE,
              OptionalLong.of(row.firstIndex()),
              Lifetimes.remaining(lifetime, active),
              active);
      byPeer.merge(peer.get(), sa, IkeTunnelReader::newer);
    }
    return new MibRead<>(List.copyOf(byPeer.values()), warnings);
  }

  private static IkeSa newer(IkeSa a, IkeSa b) {
    if (a.established() != b.established()) {
      return a.established() ? a : b;
    }
    long ageA = a.activeSeconds().orElse(Long.MAX_VALUE);
    long ageB = b.activeSeconds().orElse(Long.MAX_VALUE);
    return ageB < ageA ? b : a;
  }
}
