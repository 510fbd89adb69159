package io.tunnelwatch.agent.run;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.DeviceConfig;
import io.tunnelwatch.agent.events.EventFanout;
import io.tunnelwatch.agent.events.EventListener;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.agent.events.TrackerSettings;
import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.http.AgentHttpServer;
import io.tunnelwatch.agent.http.DeviceCollector;
import io.tunnelwatch.agent.http.EventCollector;
import io.tunnelwatch.agent.poll.DevicePoller;
import io.tunnelwatch.agent.poll.DeviceStates;
import io.tunnelwatch.agent.poll.PollOutcomes;
import io.tunnelwatch.agent.poll.PollScheduler;
import io.tunnelwatch.agent.poll.PollTask;
import io.tunnelwatch.agent.report.schedule.ReportScheduler;
import io.tunnelwatch.snmp.trap.TrapReceiver;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running agent: pollers on their schedules, the device states, and the HTTP server. */
public final class Agent implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

  private final DevicePollers pollers;
  private Optional<TrapReceiver> traps = Optional.empty();
  private Optional<ReportScheduler> reports = Optional.empty();
  private final DeviceStates states;
  private final EventTracker events;
  private final PrometheusMeterRegistry meters;
  private final PollScheduler scheduler;
  private final AgentHttpServer http;
  private final EventConsumers consumers;

  private Agent(
      AgentConfig config,
      Clock clock,
      Function<String, String> environment,
      List<EventListener> listeners)
      throws IOException, SchedulerException {
    PrometheusRegistry registry = new PrometheusRegistry();
    meters =
        new PrometheusMeterRegistry(
            PrometheusConfig.DEFAULT, registry, io.micrometer.core.instrument.Clock.SYSTEM);
    bindJvmMetrics(meters);
    states = new DeviceStates();
    Map<String, Duration> intervals = pollIntervals(config);
    consumers = EventConsumers.create(config, intervals, meters);
    List<EventListener> allListeners = new ArrayList<>(consumers.listeners());
    allListeners.addAll(listeners);
    events = new EventTracker(trackerSettings(config), new EventFanout(allListeners), clock);
    pollers = new DevicePollers(config, clock, environment);
    List<PollTask> tasks = pollTasks(config, clock);
    registry.register(DeviceCollector.allDevices(states));
    registry.register(EventCollector.allDevices(events));
    InetSocketAddress listen = listenAddress(config.http().listen());
    try {
      http = new AgentHttpServer(listen, registry, states, events, clock);
    } catch (IOException e) {
      pollers.close();
      tasks.forEach(PollTask::close);
      consumers.close();
      throw new IOException(
          "cannot listen on " + config.http().listen() + ": " + e.getMessage(), e);
    }
    try {
      scheduler = new PollScheduler(tasks, intervals);
      scheduler.start();
    } catch (SchedulerException | RuntimeException e) {
      http.close();
      pollers.close();
      consumers.close();
      throw e;
    }
    try {
      traps = TrapIntake.start(config, events, environment, clock, Agent::listenAddress);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
    traps.ifPresent(this::countTraps);
    if (!config.reports().isEmpty()) {
      try {
        startReports(config, clock);
      } catch (SchedulerException | RuntimeException e) {
        close();
        throw e;
      }
    }
  }

  private static Map<String, TrackerSettings> trackerSettings(AgentConfig config) {
    Map<String, TrackerSettings> settings = new LinkedHashMap<>();
    config.devices().forEach(d -> settings.put(d.name(), d.events().settingsOver(config.events())));
    return settings;
  }

  /** One poll task per device; on failure closes what was opened so far. */
  private List<PollTask> pollTasks(AgentConfig config, Clock clock) throws IOException {
    List<PollTask> tasks = new ArrayList<>();
    try {
      for (DeviceConfig device : config.devices()) {
        List<DevicePoller> devicePollers = pollers.forDevice(device);
        states.register(device.name(), devicePollers.stream().map(DevicePoller::source).toList());
        tasks.add(
            new PollTask(
                device.name(),
                devicePollers,
                states,
                meters,
                events.monitor(device.name()).orElseThrow(),
                consumers
                    .history()
                    .<PollOutcomes>map(h -> new HistoryRecorder(device.name(), h, clock))
                    .orElse(PollOutcomes.NONE)));
      }
      return tasks;
    } catch (IOException | RuntimeException e) {
      tasks.forEach(PollTask::close);
      pollers.close();
      consumers.close();
      throw e;
    }
  }

  private void startReports(AgentConfig config, Clock clock) throws SchedulerException {
    EventHistory history =
        consumers
            .history()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "reports need a history store (history.state_dir or --state-dir)"));
    reports = Optional.of(new ReportScheduler(config.reports(), history, clock));
    reports.get().start();
  }

  private void countTraps(TrapReceiver receiver) {
    Map<String, ToDoubleFunction<TrapReceiver>> outcomes = new LinkedHashMap<>();
    outcomes.put("accepted", r -> r.counts().accepted());
    outcomes.put("unknown_source", r -> r.counts().unknownSource());
    outcomes.put("bad_credentials", r -> r.counts().badCommunity());
    outcomes.put("unsupported", r -> r.counts().unsupported());
    outcomes.forEach(
        (outcome, count) ->
            FunctionCounter.builder("tunnelwatch.traps", receiver, count)
                .description("SNMP notifications received, by what became of them")
                .tag("outcome", outcome)
                .register(meters));
  }

  /**
   * Starts an agent for a validated configuration.
   *
   * @param listeners receive every detected event and state transition, in this order (the history
   *     store, the alert dispatcher...); one that throws does not stop the others
   */
  public static Agent start(
      AgentConfig config,
      Clock clock,
      Function<String, String> environment,
      List<EventListener> listeners)
      throws IOException, SchedulerException {
    return new Agent(config, clock, environment, listeners);
  }

  /** Starts an agent whose events are only logged and counted. */
  public static Agent start(AgentConfig config, Clock clock, Function<String, String> environment)
      throws IOException, SchedulerException {
    return start(config, clock, environment, List.of());
  }

  public static Agent start(AgentConfig config) throws IOException, SchedulerException {
    return start(config, Clock.systemUTC(), System::getenv);
  }

  private static void bindJvmMetrics(PrometheusMeterRegistry meters) {
    new ClassLoaderMetrics().bindTo(meters);
    new JvmMemoryMetrics().bindTo(meters);
    new JvmGcMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    new UptimeMetrics().bindTo(meters);
  }

  static InetSocketAddress listenAddress(String listen) {
    int colon = listen.lastIndexOf(':');
    String host = listen.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    int port = Integer.parseInt(listen.substring(colon + 1));
    return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
  }

  /** The trap receiver's bound address, when one is configured. */
  public Optional<InetSocketAddress> trapAddress() {
    return traps.map(TrapReceiver::localAddress);
  }

  /** The HTTP address actually bound. */
  public InetSocketAddress httpAddress() {
    return http.address();
  }

  public DeviceStates states() {
    return states;
  }

  /** Event detection, e.g. to feed it device notifications ({@link EventTracker#observe}). */
  public EventTracker events() {
    return events;
  }

  /** The configured consumers of events (history store, alerting). */
  public List<EventListener> eventListeners() {
    return consumers.listeners();
  }

  /** The history store, when the configuration keeps one. */
  public Optional<EventHistory> history() {
    return consumers.history();
  }

  private static Map<String, Duration> pollIntervals(AgentConfig config) {
    Map<String, Duration> intervals = new LinkedHashMap<>();
    config.devices().forEach(d -> intervals.put(d.name(), d.interval()));
    return intervals;
  }

  @Override
  public void close() {
    reports.ifPresent(
        scheduler -> {
          try {
            scheduler.close();
          } catch (SchedulerException e) {
            LOG.warn("stopping the report schedules failed: {}", e.getMessage());
          }
        });
    traps.ifPresent(
        receiver -> {
          try {
            receiver.close();
          } catch (IOException e) {
            LOG.warn("closing the trap receiver failed: {}", e.getMessage());
          }
        });
    http.close();
    scheduler.close();
    pollers.close();
    consumers.close();
    meters.close();
  }
}
