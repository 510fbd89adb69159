package io.tunnelwatch.agent.diagnose;

import io.tunnelwatch.ios.transport.CliException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Replaces a failed rung's generic cause with the specific one the other end shows: the
 * configuration difference behind a failing phase, or the far end's counters behind a tunnel that
 * drops traffic while both phases are up.
 */
final class Causes {

  private Causes() {}

  static TunnelDiagnosis refine(
      TunnelDiagnosis walked,
      Optional<OtherEnds.End> end,
      String ownAddress,
      Duration counterInterval,
      LadderWalker.Pause pause)
      throws CliException, InterruptedException {
    Optional<RungResult> failing = walked.failing();
    if (failing.isEmpty()) {
      return walked;
    }
    RungResult rung = failing.get();
    Optional<RungResult> refined =
        switch (rung.rung()) {
          case PHASE1, PHASE2 -> fromMirror(rung, walked.mirror());
          case TUNNEL_INTERFACE ->
              end.isPresent()
                  ? fromFarCounters(rung, end.get(), ownAddress, counterInterval, pause)
                  : Optional.empty();
          default -> Optional.empty();
        };
    if (refined.isEmpty()) {
      return walked;
    }
    List<RungResult> rungs = new ArrayList<>(walked.rungs());
    rungs.set(rungs.indexOf(rung), refined.get());
    return new TunnelDiagnosis(
        walked.device(), walked.tunnel(), walked.peer(), rungs, walked.otherEnd(), walked.mirror());
  }

  private static Optional<RungResult> fromMirror(RungResult rung, List<MirrorFinding> mirror) {
    int phase = rung.rung() == Rung.PHASE1 ? 1 : 2;
    List<MirrorFinding> relevant = mirror.stream().filter(f -> f.topic().phase() == phase).toList();
    if (relevant.isEmpty()) {
      return Optional.empty();
    }
    String cause = relevant.stream().map(MirrorFinding::summary).collect(Collectors.joining("; "));
    String next =
        phase == 1
            ? "make them equal on both ends; the next IKE attempt then completes (or `clear crypto"
                + " isakmp` to try at once)"
            : "make them match on both ends; the next quick mode then completes (or `clear crypto"
                + " sa peer` to try at once)";
    return Optional.of(rung.withCause(cause, next));
  }

  /**
   * Both phases are up but a ping across the tunnel gets no answer: whether the far end decrypts
   * what this one encrypts says on which side the traffic is lost.
   */
  private static Optional<RungResult> fromFarCounters(
      RungResult rung,
      OtherEnds.End end,
      String ownAddress,
      Duration counterInterval,
      LadderWalker.Pause pause)
      throws CliException, InterruptedException {
    TunnelUnderTest back =
        new TunnelUnderTest(end.tunnelTo(ownAddress), ownAddress, ownAddress, Optional.empty());
    RungResult far = new LadderWalker(end.cli(), counterInterval, pause).phase2Only(back);
    if (!far.failed()) {
      return Optional.empty();
    }
    return Optional.of(
        rung.withCause(
            "on " + end.device() + ": " + far.summary() + " — " + far.cause().orElse(""),
            far.nextCheck().orElse("")));
  }
}
