package io.tunnelwatch.agent.history;

import io.tunnelwatch.agent.events.Event;
import io.tunnelwatch.agent.events.EventKind;
import io.tunnelwatch.agent.events.EventStatus;
import io.tunnelwatch.agent.events.Evidence;
import io.tunnelwatch.agent.events.ObjectRef;
import java.time.Instant;
import java.util.List;

/** Events as the tracker would make them for the reference topology. */
final class HistoryFixtures {

  static final String FLOW = "10.0.0.1/32:47->10.0.0.2/32:47";

  private HistoryFixtures() {}

  static Event phase1Opened(Instant at, String summary) {
    return new Event(
        at,
        ObjectRef.peer("R1", "200.0.0.1"),
        EventKind.PHASE1_FAILURE,
        EventStatus.OPENED,
        EventKind.PHASE1_FAILURE.defaultSeverity(),
        summary,
        List.of(new Evidence("isakmp_state", "QM_IDLE", "MM_NO_STATE")));
  }

  static Event rekey(Instant at) {
    return new Event(
        at,
        ObjectRef.flow("R1", "200.0.0.1", FLOW),
        EventKind.IPSEC_REKEY,
        EventStatus.OCCURRED,
        EventKind.IPSEC_REKEY.defaultSeverity(),
        "IPsec SA for " + FLOW + " renegotiated",
        List.of(
            new Evidence("outbound_spi", "0x1A2B3C4D", "0x5E6F7081"), new Evidence("x", "", "")));
  }
}
