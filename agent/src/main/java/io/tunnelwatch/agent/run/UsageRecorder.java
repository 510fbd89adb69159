package io.tunnelwatch.agent.run;

import io.tunnelwatch.agent.events.ObjectRef;
import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.history.UsageSample;
import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.IpsecFlow;
import io.tunnelwatch.core.model.TunnelInterface;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the traffic of every tunnel and flow of a published snapshot in the history, for the
 * volume figures of stability reports. It takes the published (stitched, monotonic) totals, so a
 * rekey or a reboot never shows as negative or doubled traffic.
 */
final class UsageRecorder implements Consumer<DeviceSnapshot> {

  private static final Logger LOG = LoggerFactory.getLogger(UsageRecorder.class);

  private final EventHistory history;

  UsageRecorder(EventHistory history) {
    this.history = history;
  }

  @Override
  public void accept(DeviceSnapshot snapshot) {
    try {
      for (TunnelInterface tunnel : snapshot.tunnels()) {
        var counters = tunnel.counters();
        if (counters.transmitBytes().isPresent() && counters.receiveBytes().isPresent()) {
          history.recordUsage(
              new UsageSample(
                  snapshot.collectedAt(),
                  ObjectRef.tunnel(snapshot.device(), tunnel.name()),
                  counters.transmitBytes().getAsLong(),
                  counters.receiveBytes().getAsLong()));
        }
      }
      for (IpsecFlow flow : snapshot.ipsecFlows()) {
        var counters = flow.counters();
        if (counters.transmitBytes().isPresent() && counters.receiveBytes().isPresent()) {
          history.recordUsage(
              new UsageSample(
                  snapshot.collectedAt(),
                  ObjectRef.flow(snapshot.device(), flow.peer(), flow.flow()),
                  counters.transmitBytes().getAsLong(),
                  counters.receiveBytes().getAsLong()));
        }
      }
    } catch (RuntimeException e) {
      // The poll's data is already published; a history hiccup must not fail it.
      LOG.warn("{}: recording traffic in the history failed: {}", snapshot.device(), e.toString());
    }
  }
}
