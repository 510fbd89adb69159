package io.tunnelwatch.agent.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tunnelwatch.core.model.Observation;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each trap observation where its device is watched: here when this member owns the device,
 * otherwise on the owner, at once over the cluster, so a trap received by any member keeps its
 * sub-second way to an alert.
 */
public final class ObservationRouter implements Consumer<Observation> {

  private static final Logger LOG = LoggerFactory.getLogger(ObservationRouter.class);

  private final ClusterMember member;
  private final Consumer<Observation> local;
  private final ClusterMetrics metrics;
  private final ObjectMapper json =
      JsonMapper.builder().addModule(new Jdk8Module()).addModule(new JavaTimeModule()).build();
  // Only for logging a refusal once per run of refusals.
  private volatile boolean refusing;

  /**
   * @param local where this member's own observations go (its event tracker); it may throw for a
   *     device it does not watch
   */
  public ObservationRouter(
      ClusterMember member, Consumer<Observation> local, ClusterMetrics metrics) {
    this.member = member;
    this.local = local;
    this.metrics = metrics;
    member.receiveObservations(this::forwardedHere);
  }

  @Override
  public void accept(Observation observation) {
    if (member.owns(observation.device())) {
      local.accept(observation);
      return;
    }
    try {
      member
          .observations()
          .executeOnKeyOwner(
              new ForwardedObservation(json.writeValueAsString(observation)), observation.device());
      metrics.observationForwarded(true);
      refusing = false;
    } catch (JsonProcessingException | RejectedExecutionException | IllegalStateException e) {
      metrics.observationForwarded(false);
      if (!refusing) {
        refusing = true;
        LOG.warn(
            "{}: a trap could not be handed to the device's owner ({}); the next poll sees what it"
                + " reported",
            observation.device(),
            e.toString());
      }
    }
  }

  private void forwardedHere(String observationJson) {
    Observation observation;
    try {
      observation = json.readValue(observationJson, Observation.class);
    } catch (JsonProcessingException e) {
      LOG.warn("a forwarded trap could not be read: {}", e.getOriginalMessage());
      return;
    }
    try {
      local.accept(observation);
    } catch (IllegalArgumentException e) {
      // Ownership moved on while it travelled; the device's next poll sees the same fault.
      LOG.info("{}: forwarded trap dropped: {}", observation.device(), e.getMessage());
    }
  }
}
