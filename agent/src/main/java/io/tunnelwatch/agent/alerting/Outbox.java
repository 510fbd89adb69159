package io.tunnelwatch.agent.alerting;

import java.util.List;

/**
 * What is waiting to be delivered to one destination. Producers add from any thread; one delivery
 * worker peeks a batch, sends it, and acknowledges it only after the destination accepted it, so
 * that a failed send loses nothing.
 */
interface Outbox<T> {

  List<T> peek(int max);

  /** Removes the delivered items, unless a producer replaced them with newer ones meanwhile. */
  void acknowledge(List<T> delivered);

  int size();
}
