package io.tunnelwatch.agent.cluster;

import io.tunnelwatch.lab.LabRouter;
import io.tunnelwatch.lab.RunningLab;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Reads every router's open SSH session count on a background thread for as long as it runs and
 * keeps the highest count seen per router: two members polling one device at once would show as two
 * sessions, however briefly they overlapped (down to the sampling period).
 */
final class SessionSampler implements AutoCloseable {

  private final List<LabRouter> routers;
  private final Map<String, Integer> most = new ConcurrentHashMap<>();
  private final ScheduledExecutorService thread =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "ssh-session-sampler");
            t.setDaemon(true);
            return t;
          });

  private SessionSampler(RunningLab lab) {
    this.routers = lab.routers();
  }

  static SessionSampler start(RunningLab lab, Duration period) {
    SessionSampler sampler = new SessionSampler(lab);
    // Runs until close(); sample() cannot throw.
    var unused =
        sampler.thread.scheduleAtFixedRate(
            sampler::sample, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    return sampler;
  }

  private void sample() {
    for (LabRouter router : routers) {
      most.merge(router.name(), router.activeSshSessions(), Math::max);
    }
  }

  /** The most sessions any router had open at once so far. */
  int mostAtOnce() {
    return most.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  /** Routers that had more than one session open at once, with their highest count. */
  Map<String, Integer> sharedRouters() {
    Map<String, Integer> shared = new TreeMap<>();
    most.forEach(
        (router, count) -> {
          if (count > 1) {
            shared.put(router, count);
          }
        });
    return shared;
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
