package io.tunnelwatch.agent.alerting;

import java.util.List;

/** Sends one batch to one destination; returns only when the destination accepted it. */
@FunctionalInterface
interface Delivery<T> {
  void deliver(List<T> batch) throws DeliveryException;
}
