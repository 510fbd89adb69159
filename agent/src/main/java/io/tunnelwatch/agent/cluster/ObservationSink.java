package io.tunnelwatch.agent.cluster;

/** Where a member puts the trap observations other members forward to it, as JSON. */
@FunctionalInterface
interface ObservationSink {

  /** The key under which the sink sits in the member's Hazelcast user context. */
  String CONTEXT_KEY = "tunnelwatch.observations";

  void accept(String observationJson);
}
