package io.tunnelwatch.agent.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.hazelcast.cluster.Member;
import io.tunnelwatch.core.model.Observation;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts each trap observation where its device is watched: here when this member polls the device,
 * otherwise on the member that holds its claim (the one polling it; during a handover the partition
 * owner already, or still, holds it), at once over the cluster, so a trap received by any member
 * keeps its sub-second way to an alert.
 */
public final class ObservationRouter implements Consumer<Observation> {

  private static final Logger LOG = LoggerFactory.getLogger(ObservationRouter.class);

  private final ClusterMember member;
  private final Predicate<String> watchedHere;
  private final Consumer<Observation> local;
  private final ClusterMetrics metrics;
  private final ObjectMapper json =
      JsonMapper.builder().addModule(new Jdk8Module()).addModule(new JavaTimeModule()).build();
  // Only for logging a refusal once per run of refusals.
  private volatile boolean refusing;

  /**
   * @param watchedHere whether this member watches the device now
   * @param local where this member's own observations go (its event tracker); it may throw for a
   *     device it does not watch
   */
  public ObservationRouter(
      ClusterMember member,
      Predicate<String> watchedHere,
      Consumer<Observation> local,
      ClusterMetrics metrics) {
    this.member = member;
    this.watchedHere = watchedHere;
    this.local = local;
    this.metrics = metrics;
    member.receiveObservations(this::forwardedHere);
  }

  @Override
  public void accept(Observation observation) {
    String device = observation.device();
    if (watchedHere.test(device)) {
      local.accept(observation);
      return;
    }
    try {
      ForwardedObservation task = new ForwardedObservation(json.writeValueAsString(observation));
      Optional<Member> holder =
          Optional.ofNullable(member.deviceHolders().get(device))
              .map(UUID::fromString)
              .flatMap(member::member);
      if (holder.isPresent()) {
        member.observations().executeOnMember(task, holder.get());
      } else {
        member.observations().executeOnKeyOwner(task, device);
      }
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
