package io.tunnelwatch.agent.alerting;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One alert as Alertmanager's v2 API takes it. An active alert has no {@code endsAt}: Alertmanager
 * then keeps it for its {@code resolve_timeout} after each receipt, which the dispatcher's resends
 * renew.
 *
 * <p>An end before the start, which Alertmanager refuses for the whole batch ("start time must be
 * before end time"), is moved to the start: the condition was resolved as soon as it was known.
 *
 * @param key the condition it stands for ({@code Event.conditionKey()}), not sent
 * @param generatorUrl where to look at its source: the agent's status page for the device
 */
public record Alert(
    String key,
    Map<String, String> labels,
    Map<String, String> annotations,
    String generatorUrl,
    Instant startsAt,
    Optional<Instant> endsAt) {

  public Alert {
    Objects.requireNonNull(key, "key");
    labels = Map.copyOf(new TreeMap<>(labels));
    annotations = Map.copyOf(annotations);
    Objects.requireNonNull(generatorUrl, "generatorUrl");
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    if (endsAt.isPresent() && endsAt.get().isBefore(startsAt)) {
      endsAt = Optional.of(startsAt);
    }
  }
}
