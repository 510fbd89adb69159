package io.tunnelwatch.agent.run;

import io.tunnelwatch.agent.cluster.OwnedDevices;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.DeviceConfig;
import io.tunnelwatch.agent.events.DeviceMonitor;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.agent.events.TrackerSettings;
import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.metrics.AgentMetrics;
import io.tunnelwatch.agent.poll.DevicePoller;
import io.tunnelwatch.agent.poll.DeviceStates;
import io.tunnelwatch.agent.poll.PollOutcomes;
import io.tunnelwatch.agent.poll.PollScheduler;
import io.tunnelwatch.agent.poll.PollTask;
import io.tunnelwatch.core.metrics.SourceHealth;
import io.tunnelwatch.core.model.Source;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices polled here, each made of its pollers, its scheduled poll, its published state and
 * its event monitor: starts them (at start and when a reload adds them), stops them, and reconnects
 * those whose settings changed, leaving every other device untouched. In a cluster it holds the
 * devices this member owns: they come and go with ownership ({@link #release}), and a reload leaves
 * the start of added devices to the ownership reconciler.
 */
final class DeviceFleet implements OwnedDevices {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceFleet.class);

  /** How long a reload waits for the polls of the devices it stops to end. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(5);

  private final DevicePollers pollers;
  private final PollScheduler scheduler;
  private final DeviceStates states;
  private final EventTracker events;
  private final AgentMetrics metrics;
  private final Optional<EventHistory> history;
  private final Clock clock;
  private final boolean startsAddedDevices;
  // The latest applied configuration; guarded by this.
  private AgentConfig current;
  // The devices whose polls are scheduled here; guarded by this.
  private final Set<String> polled = new HashSet<>();

  DeviceFleet(
      DevicePollers pollers,
      PollScheduler scheduler,
      DeviceStates states,
      EventTracker events,
      AgentMetrics metrics,
      Optional<EventHistory> history,
      Clock clock,
      AgentConfig config,
      boolean startsAddedDevices) {
    this.pollers = pollers;
    this.scheduler = scheduler;
    this.states = states;
    this.events = events;
    this.metrics = metrics;
    this.history = history;
    this.clock = clock;
    this.startsAddedDevices = startsAddedDevices;
    this.current = config;
  }

  /** Starts polling a device of {@code config}. */
  synchronized void start(AgentConfig config, DeviceConfig device)
      throws IOException, SchedulerException {
    begin(config, device, pollers.forDevice(config, device));
  }

  @Override
  public synchronized Set<String> configured() {
    return current.devices().stream().map(DeviceConfig::name).collect(Collectors.toSet());
  }

  @Override
  public synchronized Set<String> polled() {
    return Set.copyOf(polled);
  }

  /** Starts polling the device as the latest applied configuration has it, if it still does. */
  @Override
  public synchronized void acquire(String device) throws IOException, SchedulerException {
    if (polled.contains(device)) {
      return;
    }
    Optional<DeviceConfig> configured = current.device(device);
    if (configured.isPresent()) {
      start(current, configured.get());
      events.adopted(device);
    }
  }

  /**
   * Stops polling devices another member of the cluster now owns: their last polls end, their state
   * is saved for the new owner, and their series leave this member's {@code /metrics}; their open
   * conditions stay open (no event, no resolved alert).
   */
  @Override
  public synchronized void release(Set<String> devices) throws SchedulerException {
    List<String> leaving = devices.stream().filter(polled::contains).toList();
    scheduler.retire(leaving, STOP_GRACE);
    for (String device : leaving) {
      unpublish(device);
      events.release(device);
    }
  }

  /**
   * Applies a reload: stops the removed devices (their series go), reconnects the changed ones
   * (keeping their event state and counters), starts the added ones and gives every device its
   * event settings from {@code plan.next()}.
   *
   * @throws IOException when a new device's transport cannot be opened; nothing has changed then
   */
  synchronized void apply(ReloadPlan plan) throws IOException, SchedulerException {
    AgentConfig next = plan.next();
    Map<DeviceConfig, List<DevicePoller>> built = build(next, plan);
    List<CompletableFuture<Void>> stopping = new ArrayList<>();
    for (String device : plan.removed()) {
      stopping.add(scheduler.remove(device));
    }
    for (DeviceConfig device : plan.changed()) {
      stopping.add(scheduler.remove(device.name()));
    }
    // A device is never polled over two sessions at once, also across a reconnect.
    awaitEnded(stopping);
    for (String device : plan.removed()) {
      unpublish(device);
      events.forget(device);
    }
    Set<String> unchanged = Set.copyOf(plan.unchanged());
    for (DeviceConfig device : next.devices()) {
      if (unchanged.contains(device.name()) && polled.contains(device.name())) {
        events.watch(device.name(), settings(next, device));
      }
    }
    for (Map.Entry<DeviceConfig, List<DevicePoller>> device : built.entrySet()) {
      begin(next, device.getKey(), device.getValue());
    }
    scheduler.confirmationDelay(next.polling().confirmationDelay());
    current = next;
  }

  /**
   * The pollers of the devices to (re)connect, built before anything stops: opening the SNMP socket
   * for the first SNMP device is the one step that can fail.
   */
  private Map<DeviceConfig, List<DevicePoller>> build(AgentConfig next, ReloadPlan plan)
      throws IOException {
    Map<DeviceConfig, List<DevicePoller>> built = new LinkedHashMap<>();
    // A changed device is reconnected where it is polled; an added one is started here unless
    // ownership decides where it goes.
    List<DeviceConfig> devices =
        new ArrayList<>(plan.changed().stream().filter(d -> polled.contains(d.name())).toList());
    if (startsAddedDevices) {
      devices.addAll(plan.added());
    }
    try {
      for (DeviceConfig device : devices) {
        built.put(device, pollers.forDevice(next, device));
      }
    } catch (IOException | RuntimeException e) {
      built.values().forEach(list -> list.forEach(DevicePoller::close));
      throw e;
    }
    return built;
  }

  private void begin(AgentConfig config, DeviceConfig device, List<DevicePoller> devicePollers)
      throws SchedulerException {
    String name = device.name();
    DeviceMonitor monitor = events.watch(name, settings(config, device));
    List<Source> sources = devicePollers.stream().map(DevicePoller::source).toList();
    boolean sameSources =
        states
            .get(name)
            .map(
                view ->
                    view.sources().stream().map(SourceHealth::source).collect(Collectors.toSet()))
            .map(Set.copyOf(sources)::equals)
            .orElse(false);
    if (!sameSources) {
      // Keeping a reconnected device's last data is right only when it comes from the same sources.
      states.remove(name);
    }
    states.register(name, sources);
    metrics.pollsSkipped().labelValues(name);
    PollTask task =
        new PollTask(
            name,
            devicePollers,
            states,
            metrics,
            monitor,
            history
                .<PollOutcomes>map(h -> new HistoryRecorder(name, h, clock))
                .orElse(PollOutcomes.NONE));
    try {
      scheduler.add(task, device.interval());
    } catch (SchedulerException | RuntimeException e) {
      task.close();
      throw e;
    }
    polled.add(name);
  }

  /** The device is polled here no more: its state and series leave {@code /metrics}. */
  private void unpublish(String device) {
    polled.remove(device);
    states.remove(device);
    metrics.forgetDevice(device);
  }

  private static TrackerSettings settings(AgentConfig config, DeviceConfig device) {
    return device.events().settingsOver(config.events());
  }

  private static void awaitEnded(List<CompletableFuture<Void>> stopping) {
    try {
      CompletableFuture.allOf(stopping.toArray(CompletableFuture[]::new))
          .get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // Their sessions are closed and they record nothing more; only their threads linger.
      LOG.warn(
          "{} polls of stopped devices were still ending after {} s; going on",
          stopping.stream().filter(f -> !f.isDone()).count(),
          STOP_GRACE.toSeconds());
    } catch (ExecutionException e) {
      LOG.debug("a poll of a stopped device ended with a failure", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
