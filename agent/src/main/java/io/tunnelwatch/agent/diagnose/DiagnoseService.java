package io.tunnelwatch.agent.diagnose;

import java.util.Optional;

/** Diagnoses a device of the running configuration, for {@code /diagnose}. */
@FunctionalInterface
public interface DiagnoseService {

  DiagnoseService UNAVAILABLE =
      (device, peer) -> {
        throw new IllegalStateException("diagnose is not available here");
      };

  /**
   * @throws IllegalArgumentException when the device is not configured or the peer is no address
   */
  Diagnosis diagnose(String device, Optional<String> peer) throws InterruptedException;
}
