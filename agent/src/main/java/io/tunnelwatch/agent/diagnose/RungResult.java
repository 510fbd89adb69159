package io.tunnelwatch.agent.diagnose;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rung as checked on the live router.
 *
 * @param summary what was found, one sentence
 * @param evidence the lines of router output that show it (escaped, bounded)
 * @param cause the likely cause, when the rung failed
 * @param nextCheck what to look at next, when the rung failed
 */
public record RungResult(
    Rung rung,
    RungStatus status,
    String summary,
    List<String> evidence,
    Optional<String> cause,
    Optional<String> nextCheck) {

  public RungResult {
    Objects.requireNonNull(rung, "rung");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(summary, "summary");
    evidence = List.copyOf(evidence);
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(nextCheck, "nextCheck");
  }

  static RungResult passed(Rung rung, String summary, List<String> evidence) {
    return new RungResult(
        rung, RungStatus.PASSED, summary, evidence, Optional.empty(), Optional.empty());
  }

  static RungResult failed(
      Rung rung, String summary, List<String> evidence, String cause, String nextCheck) {
    return new RungResult(
        rung, RungStatus.FAILED, summary, evidence, Optional.of(cause), Optional.of(nextCheck));
  }

  static RungResult notChecked(Rung rung, String why) {
    return new RungResult(
        rung, RungStatus.NOT_CHECKED, why, List.of(), Optional.empty(), Optional.empty());
  }

  boolean failed() {
    return status == RungStatus.FAILED;
  }

  /** The same finding with a more specific cause, e.g. one the mirror check found. */
  RungResult withCause(String newCause, String newNextCheck) {
    return new RungResult(
        rung, status, summary, evidence, Optional.of(newCause), Optional.of(newNextCheck));
  }
}
