package io.tunnelwatch.agent.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serial;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * A trap observation on its way to the member that owns its device: sent through the cluster's
 * executor to the owner of the device's partition, where it runs against that member's sink.
 */
final class ForwardedObservation implements Runnable, Serializable, HazelcastInstanceAware {

  @Serial private static final long serialVersionUID = 1L;

  private final String json;
  private transient @Nullable HazelcastInstance member;

  ForwardedObservation(String json) {
    this.json = json;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hazelcastInstance) {
    this.member = hazelcastInstance;
  }

  @Override
  public void run() {
    if (member == null) {
      throw new IllegalStateException("run outside a cluster member");
    }
    Object sink = member.getUserContext().get(ObservationSink.CONTEXT_KEY);
    if (!(sink instanceof ObservationSink observations)) {
      throw new IllegalStateException("this member takes no observations yet");
    }
    observations.accept(json);
  }
}
