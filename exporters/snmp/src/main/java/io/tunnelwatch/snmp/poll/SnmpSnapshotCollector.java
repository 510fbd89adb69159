package io.tunnelwatch.snmp.poll;

import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.snmp.Oid;
import io.tunnelwatch.snmp.SnmpClient;
import io.tunnelwatch.snmp.SnmpException;
import io.tunnelwatch.snmp.SnmpException.Kind;
import io.tunnelwatch.snmp.SnmpFutures;
import io.tunnelwatch.snmp.SnmpTarget;
import io.tunnelwatch.snmp.SnmpValue;
import io.tunnelwatch.snmp.VarBind;
import io.tunnelwatch.snmp.WalkLimits;
import io.tunnelwatch.snmp.mib.MibOids;
import io.tunnelwatch.snmp.mib.MibRead;
import io.tunnelwatch.snmp.mib.MibWarning;
import io.tunnelwatch.snmp.mib.SnmpSnapshotReader;
import io.tunnelwatch.snmp.mib.SnmpWalks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Polls one device over SNMP: a GET of {@code sysUpTime.0} (which proves the device answers), the
 * walks of the IPsec, CPU and interface tables, each within {@link WalkLimits}, then the MIB
 * readers.
 *
 * <p>Tables are walked by the columns the readers use only, in lockstep ({@link
 * SnmpClient#walkColumns}): on a hub with hundreds of SAs the unused columns (most of {@code
 * cipSecTunnelTable}'s 51) would cost more requests than the table's rows.
 *
 * <p>Interfaces are read in two steps so that a router with thousands of interfaces costs one
 * column walk: {@code ifType} is walked, and only the tunnel interfaces' columns are fetched, four
 * interfaces per GET.
 *
 * <p>The poll remembers each device's last {@code sysUpTime} to report a restart as a warning; it
 * is otherwise stateless and safe to call for different devices at once, from any thread (never for
 * one device twice at once).
 */
public final class SnmpSnapshotCollector {

  private static final int[] IF_COLUMNS = {2, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20};
  private static final int[] IF_X_COLUMNS = {6, 7, 10, 11};
  private static final int[] TUNNEL_IF_COLUMNS = {1, 2, 3, 8, 9, 10};
  private static final int[] CPU_COLUMNS = {6, 7, 8};
  private static final int[] IKE_TUNNEL_COLUMNS = {4, 8, 15, 16, 35};
  private static final int[] IPSEC_TUNNEL_COLUMNS = {
    5, 9, 10, 26, 27, 28, 32, 33, 34, 36, 37, 38, 39, 40, 41, 45, 46, 48, 49, 50, 51
  };
  private static final int[] END_POINT_COLUMNS = {3, 4, 5, 6, 7, 9, 10, 11, 12, 13};
  private static final int[] SPI_COLUMNS = {2, 3, 4, 5};
  private static final int[] IKE_FAIL_COLUMNS = {2, 3, 9};
  private static final int[] IPSEC_FAIL_COLUMNS = {2, 3, 4};

  /** Four tunnel interfaces per GET: about 2 KB of response, far below any agent's limit. */
  private static final int OIDS_PER_GET =
      4 * (IF_COLUMNS.length + IF_X_COLUMNS.length + TUNNEL_IF_COLUMNS.length);

  private final SnmpClient client;
  private final Clock clock;
  private final WalkLimits limits;
  private final Map<String, Duration> lastUptime = new ConcurrentHashMap<>();

  public SnmpSnapshotCollector(SnmpClient client, Clock clock) {
    this(client, clock, WalkLimits.DEFAULT);
  }

  public SnmpSnapshotCollector(SnmpClient client, Clock clock, WalkLimits limits) {
    this.client = client;
    this.clock = clock;
    this.limits = limits;
  }

  /**
   * Reads the device, waiting for the answer: {@link #pollAsync} for callers that read one device.
   *
   * @throws SnmpException as {@link #pollAsync} fails
   */
  public SnmpPollResult poll(String deviceName, SnmpTarget target) throws SnmpException {
    return SnmpFutures.join(pollAsync(deviceName, target));
  }

  /**
   * Reads the device without holding a thread while it waits: one request after the other, so a
   * router sees one of our requests at a time, while other devices' polls proceed in between. Fails
   * with an {@link SnmpException} when the device cannot be read: no answer, authentication
   * refused, no {@code sysUpTime}, or a walk that breaks its limits or the protocol; the message
   * starts with {@code device NAME (host:port): }.
   */
  public CompletableFuture<SnmpPollResult> pollAsync(String deviceName, SnmpTarget target) {
    return client
        .getAsync(target, List.of(MibOids.SYS_UP_TIME))
        .thenApply(SnmpSnapshotCollector::requireSysUpTime)
        .thenCompose(sysUpTime -> walkTables(target, sysUpTime))
        .thenApply(walks -> read(deviceName, walks))
        .handle(
            (result, failure) -> {
              if (failure == null) {
                return result;
              }
              throw new CompletionException(
                  SnmpFutures.asSnmpException(failure)
                      .withContext("device " + deviceName + " (" + target.address() + "): "));
            });
  }

  private SnmpPollResult read(String deviceName, SnmpWalks walks) {
    MibRead<DeviceSnapshot> read = SnmpSnapshotReader.read(deviceName, clock.instant(), walks);
    List<MibWarning> warnings = new ArrayList<>(read.warnings());
    read.value().uptime().ifPresent(uptime -> checkRestart(deviceName, uptime, warnings));
    return new SnmpPollResult(read.value(), warnings);
  }

  /** Every table {@link SnmpWalks} holds, walked one after the other. */
  private CompletableFuture<SnmpWalks> walkTables(SnmpTarget target, VarBind sysUpTime) {
    List<Supplier<CompletableFuture<List<VarBind>>>> inWalksOrder =
        List.of(
            () -> walk(target, MibOids.CIKE_GLOBAL_STATS),
            () -> walkColumns(target, MibOids.CIKE_TUNNEL_ENTRY, IKE_TUNNEL_COLUMNS),
            () -> walk(target, MibOids.CIPSEC_GLOBAL_STATS),
            () -> walkColumns(target, MibOids.CIPSEC_TUNNEL_ENTRY, IPSEC_TUNNEL_COLUMNS),
            () -> walkColumns(target, MibOids.CIPSEC_END_PT_ENTRY, END_POINT_COLUMNS),
            () -> walkColumns(target, MibOids.CIPSEC_SPI_ENTRY, SPI_COLUMNS),
            () -> walkColumns(target, MibOids.CIKE_FAIL_ENTRY, IKE_FAIL_COLUMNS),
            () -> walkColumns(target, MibOids.CIPSEC_FAIL_ENTRY, IPSEC_FAIL_COLUMNS),
            () -> walkColumns(target, MibOids.CPM_CPU_TOTAL_ENTRY, CPU_COLUMNS),
            () -> interfaces(target));
    return oneAfterTheOther(inWalksOrder)
        .thenApply(
            t ->
                new SnmpWalks(
                    sysUpTime, t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5), t.get(6),
                    t.get(7), t.get(8), t.get(9)));
  }

  /** Runs each step when the one before has succeeded; their results in order. */
  private static CompletableFuture<List<List<VarBind>>> oneAfterTheOther(
      List<Supplier<CompletableFuture<List<VarBind>>>> steps) {
    CompletableFuture<List<List<VarBind>>> chain =
        CompletableFuture.completedFuture(new ArrayList<>(steps.size()));
    for (Supplier<CompletableFuture<List<VarBind>>> step : steps) {
      chain =
          chain.thenCompose(
              done ->
                  step.get()
                      .thenApply(
                          result -> {
                            done.add(result);
                            return done;
                          }));
    }
    return chain;
  }

  private static VarBind requireSysUpTime(List<VarBind> response) {
    try {
      return checkSysUpTime(response);
    } catch (SnmpException e) {
      throw new CompletionException(e);
    }
  }

  private static VarBind checkSysUpTime(List<VarBind> response) throws SnmpException {
    if (response.size() != 1) {
      throw new SnmpException(
          Kind.ERROR_STATUS, "expected 1 varbind for sysUpTime.0, got " + response.size());
    }
    VarBind vb = response.get(0);
    if (vb.value() == SnmpValue.Absent.END_OF_MIB_VIEW) {
      throw new SnmpException(Kind.END_OF_MIB, "sysUpTime.0 is outside the agent's view");
    }
    if (vb.value() instanceof SnmpValue.Absent) {
      throw new SnmpException(
          Kind.NO_SUCH, "sysUpTime.0 is " + vb.value() + ", the agent does not serve SNMPv2-MIB");
    }
    if (!(vb.value() instanceof SnmpValue.TimeTicks)) {
      throw new SnmpException(
          Kind.WRONG_TYPE, "sysUpTime.0 is " + vb.value().typeName() + ", expected TimeTicks");
    }
    return vb;
  }

  private CompletableFuture<List<VarBind>> walk(SnmpTarget target, Oid root) {
    return client.walkAsync(target, root, limits);
  }

  private CompletableFuture<List<VarBind>> walkColumns(
      SnmpTarget target, Oid entry, int[] columns) {
    List<Oid> roots = new ArrayList<>(columns.length);
    for (int column : columns) {
      roots.add(entry.append(column));
    }
    return client.walkColumnsAsync(target, roots, limits);
  }

  /** ifType of every interface, then the tunnel interfaces' columns. */
  private CompletableFuture<List<VarBind>> interfaces(SnmpTarget target) {
    return walk(target, MibOids.IF_TYPE)
        .thenCompose(
            types -> {
              List<Supplier<CompletableFuture<List<VarBind>>>> gets = new ArrayList<>();
              gets.add(() -> CompletableFuture.completedFuture(types));
              for (List<Oid> batch : tunnelColumnBatches(types)) {
                gets.add(() -> client.getAsync(target, batch));
              }
              return oneAfterTheOther(gets);
            })
        .thenApply(parts -> parts.stream().flatMap(List::stream).toList());
  }

  /** The columns of the tunnel interfaces among {@code types}, {@link #OIDS_PER_GET} at most. */
  private static List<List<Oid>> tunnelColumnBatches(List<VarBind> types) {
    List<List<Oid>> batches = new ArrayList<>();
    List<Oid> pending = new ArrayList<>();
    for (VarBind type : types) {
      if (type.value() instanceof SnmpValue.Integer32 i && i.value() == MibOids.IF_TYPE_TUNNEL) {
        Oid ifIndex = type.oid().suffixAfter(MibOids.IF_TYPE);
        for (int c : IF_COLUMNS) {
          pending.add(MibOids.IF_ENTRY.append(c).append(ifIndex));
        }
        for (int c : IF_X_COLUMNS) {
          pending.add(MibOids.IF_X_ENTRY.append(c).append(ifIndex));
        }
        for (int c : TUNNEL_IF_COLUMNS) {
          pending.add(MibOids.TUNNEL_IF_ENTRY.append(c).append(ifIndex));
        }
        if (pending.size() >= OIDS_PER_GET) {
          batches.add(pending);
          pending = new ArrayList<>();
        }
      }
    }
    if (!pending.isEmpty()) {
      batches.add(pending);
    }
    return batches;
  }

  private void checkRestart(String deviceName, Duration uptime, List<MibWarning> warnings) {
    Duration previous = lastUptime.put(deviceName, uptime);
    if (previous != null && uptime.compareTo(previous) < 0) {
      warnings.add(
          new MibWarning(
              "sysUpTime",
              "0",
              "went back from "
                  + previous.toSeconds()
                  + " s to "
                  + uptime.toSeconds()
                  + " s: the device restarted and its counters started again from zero"));
    }
  }
}
