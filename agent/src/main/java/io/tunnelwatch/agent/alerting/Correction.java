package io.tunnelwatch.agent.alerting;

import java.util.Optional;

/**
 * What to send instead of a notification a destination refused as it was. A destination that
 * validates its input names what it refused; the correction fixes what can be fixed without
 * changing what the notification means, so that a fault is still reported rather than dropped.
 */
@FunctionalInterface
interface Correction<T> {

  /**
   * @param reason the destination's answer, e.g. {@code HTTP 400: invalid label set}
   * @return the corrected notification, or empty when nothing in it could be corrected
   */
  Optional<T> correct(T refused, String reason);

  static <T> Correction<T> none() {
    return (refused, reason) -> Optional.empty();
  }
}
