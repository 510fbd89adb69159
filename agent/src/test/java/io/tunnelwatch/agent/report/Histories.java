package io.tunnelwatch.agent.report;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.events.ObjectState;
import io.tunnelwatch.agent.events.StateTransition;
import io.tunnelwatch.agent.history.CoverageInterval;
import io.tunnelwatch.agent.history.CpuPeak;
import io.tunnelwatch.agent.history.UsageBucket;
import java.time.Instant;
import java.util.List;

/** Builders for hand-made histories in report tests. */
public final class Histories {

  /** 2026-11-01T00:00Z: the start of day 0 of the test histories. */
  public static final Instant D0 = Instant.parse("2026-11-01T00:00:00Z");

  public static final Instant D1 = D0.plusSeconds(86_400);
  public static final Instant D2 = D1.plusSeconds(86_400);

  private Histories() {}

  /** {@code day} 0 or 1 at {@code hh:mm}. */
  public static Instant at(int day, int hour, int minute) {
    return D0.plusSeconds(day * 86_400L + hour * 3_600L + minute * 60L);
  }

  public static StateTransition up(Instant at, ObjectRef ref) {
    return new StateTransition(at, ref, ObjectState.DOWN, ObjectState.UP, "up");
  }

  public static StateTransition down(Instant at, ObjectRef ref) {
    return new StateTransition(at, ref, ObjectState.UP, ObjectState.DOWN, "down");
  }

  public static Event occurred(Instant at, ObjectRef ref, EventKind kind) {
    return new Event(
        at, ref, kind, EventStatus.OCCURRED, kind.defaultSeverity(), kind.wireName(), List.of());
  }

  public static Event opened(Instant at, ObjectRef ref, EventKind kind) {
    return new Event(
        at, ref, kind, EventStatus.OPENED, kind.defaultSeverity(), kind.wireName(), List.of());
  }

  public static Event resolved(Instant at, ObjectRef ref, EventKind kind) {
    return new Event(
        at, ref, kind, EventStatus.RESOLVED, kind.defaultSeverity(), kind.wireName(), List.of());
  }

  public static CoverageInterval covered(String device, Instant from, Instant to) {
    return new CoverageInterval(device, from, to);
  }

  public static UsageBucket usage(Instant hour, ObjectRef ref, long tx, long rx) {
    return new UsageBucket(hour, ref, tx, rx);
  }

  public static CpuPeak cpu(Instant hour, String device, double ratio) {
    return new CpuPeak(hour, device, ratio);
  }

  public static final ObjectRef R1_TUNNEL = ObjectRef.tunnel("R1", "Tunnel10");
  public static final ObjectRef R1_PEER = ObjectRef.peer("R1", "200.0.0.1");
  public static final ObjectRef R1_FLOW =
      ObjectRef.flow("R1", "200.0.0.1", "10.0.0.1/32:47->10.0.0.2/32:47");
  public static final ObjectRef R2_TUNNEL = ObjectRef.tunnel("R2", "Tunnel12");
  public static final ObjectRef R2_PEER = ObjectRef.peer("R2", "100.0.0.1");

  /**
   * The reference topology over days 0 (previous period) and 1 (reported period); the figures are
   * worked out by hand in ReportEngineTest.
   */
  public static InMemoryEventHistory twoRouters() {
    InMemoryEventHistory h = new InMemoryEventHistory();
    // R1: polled all of day 0 and day 1 except 20:00-22:00 on day 1
    h.add(covered("R1", D0, at(1, 20, 0))).add(covered("R1", at(1, 22, 0), D2));
    h.add(up(D0, R1_TUNNEL))
        .add(down(at(0, 23, 0), R1_TUNNEL))
        .add(up(at(1, 1, 0), R1_TUNNEL))
        .add(down(at(1, 10, 0), R1_TUNNEL))
        .add(up(at(1, 10, 30), R1_TUNNEL))
        .add(down(at(1, 23, 30), R1_TUNNEL));
    h.add(up(D0, R1_PEER)).add(up(D0, R1_FLOW));
    for (int hour = 2; hour <= 9; hour++) {
      h.add(occurred(at(1, hour, 0), R1_FLOW, EventKind.IPSEC_REKEY));
    }
    for (int minute = 10; minute <= 30; minute += 10) {
      h.add(occurred(at(1, 5, minute), R1_FLOW, EventKind.IPSEC_REKEY));
    }
    h.add(occurred(at(0, 12, 0), R1_FLOW, EventKind.IPSEC_REKEY));
    h.add(occurred(at(1, 12, 0), R1_PEER, EventKind.IKE_REKEY));
    h.add(opened(at(0, 5, 0), R1_PEER, EventKind.PHASE1_FAILURE))
        .add(resolved(at(0, 5, 5), R1_PEER, EventKind.PHASE1_FAILURE));
    h.add(opened(at(1, 10, 0), R1_PEER, EventKind.PHASE1_FAILURE))
        .add(resolved(at(1, 10, 30), R1_PEER, EventKind.PHASE1_FAILURE));
    h.add(opened(at(0, 23, 30), R1_FLOW, EventKind.COUNTERS_STALLED))
        .add(resolved(at(1, 0, 45), R1_FLOW, EventKind.COUNTERS_STALLED));
    h.add(opened(at(1, 23, 0), R1_FLOW, EventKind.ONE_WAY_TRAFFIC));
    h.add(occurred(at(1, 10, 30), R1_TUNNEL, EventKind.TUNNEL_FLAP));
    h.add(usage(at(1, 0, 0), R1_TUNNEL, 1000, 2000))
        .add(usage(at(1, 5, 0), R1_TUNNEL, 10, 20))
        .add(usage(at(0, 12, 0), R1_TUNNEL, 500, 500));
    h.add(cpu(at(1, 3, 0), "R1", 0.42))
        .add(cpu(at(1, 15, 0), "R1", 0.87))
        .add(cpu(at(0, 15, 0), "R1", 0.99));
    // R2: polled throughout, unreachable 06:00-07:00 on day 1, IPsec flows not tracked
    h.add(covered("R2", D0, D2));
    h.add(up(D0, R2_TUNNEL)).add(up(D0, R2_PEER));
    h.add(opened(at(1, 6, 0), ObjectRef.device("R2"), EventKind.DEVICE_UNREACHABLE))
        .add(resolved(at(1, 7, 0), ObjectRef.device("R2"), EventKind.DEVICE_UNREACHABLE));
    h.add(occurred(at(1, 8, 0), ObjectRef.device("R2"), EventKind.DEVICE_REBOOT));
    return h;
  }
}
