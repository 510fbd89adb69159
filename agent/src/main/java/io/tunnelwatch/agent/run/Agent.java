package io.tunnelwatch.agent.run;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tunnelwatch.agent.BuildInfo;
import io.tunnelwatch.agent.cluster.ClusterMember;
import io.tunnelwatch.agent.cluster.ClusterMetrics;
import io.tunnelwatch.agent.cluster.ClusterStateStore;
import io.tunnelwatch.agent.cluster.ObservationRouter;
import io.tunnelwatch.agent.cluster.OwnershipReconciler;
import io.tunnelwatch.agent.config.AgentConfig;
import io.tunnelwatch.agent.config.DeviceConfig;
import io.tunnelwatch.agent.diagnose.Diagnoser;
import io.tunnelwatch.agent.diagnose.Diagnosis;
import io.tunnelwatch.agent.events.DeviceStateStore;
import io.tunnelwatch.agent.events.EventFanout;
import io.tunnelwatch.agent.events.EventListener;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.http.AgentHttpServer;
import io.tunnelwatch.agent.http.ConditionCollector;
import io.tunnelwatch.agent.http.ConfigReload;
import io.tunnelwatch.agent.http.EventCollector;
import io.tunnelwatch.agent.http.security.WebSecurity;
import io.tunnelwatch.agent.http.status.EventRing;
import io.tunnelwatch.agent.http.status.RecentEvents;
import io.tunnelwatch.agent.http.status.StatusLinks;
import io.tunnelwatch.agent.http.status.StatusPageOptions;
import io.tunnelwatch.agent.metrics.AgentMetrics;
import io.tunnelwatch.agent.poll.DeviceStates;
import io.tunnelwatch.agent.poll.PollScheduleObserver;
import io.tunnelwatch.agent.poll.PollScheduler;
import io.tunnelwatch.agent.poll.ScheduleMetrics;
import io.tunnelwatch.agent.poll.ScheduleOverloadLog;
import io.tunnelwatch.agent.report.schedule.ReportScheduler;
import io.tunnelwatch.core.model.Observation;
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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.quartz.SchedulerException;

/** A running agent: pollers on their schedules, the device states, and the HTTP server. */
public final class Agent implements AutoCloseable {

  private static final Duration OVERLOAD_LOG_QUIET_PERIOD = Duration.ofMinutes(5);
  private static final int RECENT_EVENTS_KEPT = 100;

  private final Resources resources;
  private final DeviceStates states;
  private final EventTracker events;
  private final EventConsumers consumers;
  private final AgentHttpServer http;
  private final Optional<TrapReceiver> traps;
  private final Optional<ClusterMember> cluster;
  private final ConfigReloader reloader;
  // Each device's poll interval as the latest applied configuration sets it, for the status page.
  private volatile Map<String, Duration> pollIntervals = Map.of();

  /** How long apart /diagnose reads the IPsec counters: long enough for traffic to show. */
  private static final Duration DIAGNOSE_COUNTER_INTERVAL = Duration.ofSeconds(3);

  private final Clock clock;
  private final Function<String, String> environment;
  // Replaced by each applied reload; read by /diagnose.
  private volatile AgentConfig running;

  /** Opens everything in {@code resources}, in the order they are to be closed the other way. */
  private Agent(
      AgentConfig config,
      ConfigReloader.ConfigSource source,
      WebSecurity web,
      Clock clock,
      Function<String, String> environment,
      List<EventListener> listeners,
      Resources resources)
      throws IOException, SchedulerException {
    this.resources = resources;
    this.clock = clock;
    this.environment = environment;
    this.running = config;
    PrometheusRegistry registry = new PrometheusRegistry();
    PrometheusMeterRegistry meters = jvmMeters(registry);
    resources.add("the JVM meters", meters, meters::close);
    AgentMetrics metrics = new AgentMetrics(registry);
    metrics.buildInfo(BuildInfo.current(), BuildInfo.javaVersion());
    // Closed after everything else: the polls stop and save their states before the member leaves
    // and its partitions, with those states, move to the others.
    cluster =
        config.cluster().enabled()
            ? Optional.of(
                resources.add(
                    "the cluster membership",
                    ClusterMember.join(config.cluster(), listenAddress(config.cluster().listen()))))
            : Optional.empty();
    states = new DeviceStates();
    Map<String, Duration> intervals = pollIntervals(config);
    consumers =
        resources.add("the event consumers", EventConsumers.create(config, intervals, metrics));
    List<EventListener> allListeners = new ArrayList<>(consumers.listeners());
    allListeners.addAll(listeners);
    RecentEvents recentEvents = recentEvents(allListeners);
    DeviceStateStore durable =
        consumers.history().map(EventHistory::deviceStates).orElseGet(DeviceStateStore::none);
    events =
        new EventTracker(
            Map.of(),
            new EventFanout(allListeners),
            clock,
            cluster
                .<DeviceStateStore>map(m -> new ClusterStateStore(m, durable, clock))
                .orElse(durable));
    // Closed before the store: the latest state of every device is saved on the way out.
    resources.add("the device states", events, events::saveAll);
    DevicePollers pollers =
        resources.add("the device pollers", new DevicePollers(config, clock, environment));
    PollScheduler scheduler =
        resources.add("the poll scheduler", pollScheduler(config, metrics, clock));
    DeviceFleet fleet =
        new DeviceFleet(
            pollers,
            scheduler,
            states,
            events,
            metrics,
            consumers.history(),
            clock,
            config,
            cluster.isEmpty());
    if (cluster.isEmpty()) {
      for (DeviceConfig device : config.devices()) {
        fleet.start(config, device);
      }
    }
    Optional<ClusterMetrics> clusterMetrics =
        cluster.map(m -> new ClusterMetrics(registry, m, () -> fleet.polled().size()));
    metrics.watchSnmpRequests(pollers::snmpRequestsInFlight, pollers::snmpRequestsQueued);
    registry.register(EventCollector.allDevices(events));
    registry.register(new ConditionCollector(events));
    Consumer<Observation> observations =
        cluster.isPresent()
            ? new ObservationRouter(
                cluster.get(),
                device -> events.monitor(device).isPresent(),
                events::observe,
                clusterMetrics.orElseThrow())
            : events::observe;
    Optional<TrapIntake> trapIntake =
        TrapIntake.start(config, observations, environment, clock, Agent::listenAddress);
    traps = trapIntake.map(TrapIntake::receiver);
    traps.ifPresent(
        receiver -> {
          resources.add("the trap receiver", receiver);
          metrics.countTraps(receiver);
        });
    reloader =
        new ConfigReloader(
            config,
            source,
            fleet,
            next -> {
              trapIntake.ifPresent(t -> t.devices(next.devices()));
              running = next;
              pollIntervals = pollIntervals(next);
            },
            metrics,
            clock);
    pollIntervals = intervals;
    StatusPageOptions statusPage =
        new StatusPageOptions(
            StatusLinks.of(config.alerting()),
            recentEvents,
            device -> Optional.ofNullable(pollIntervals.get(device)));
    http = resources.add("the HTTP server", listen(config, web, registry, clock, statusPage));
    // Closed again (a second close does nothing) before the HTTP server: no poll runs while
    // /metrics goes away. The first entry closes it should the start fail before this one.
    resources.add("the poll scheduler", scheduler).start();
    if (cluster.isPresent()) {
      // Closed before the poll scheduler: no device is taken up while the polls stop.
      resources
          .add(
              "the ownership reconciler",
              new OwnershipReconciler(cluster.get(), fleet, clusterMetrics.orElseThrow(), clock))
          .start();
    }
    if (!config.reports().isEmpty()) {
      startReports(
          config, clock, cluster.<BooleanSupplier>map(m -> m::isOldest).orElse(() -> true));
    }
    // Closed first: no reload runs while the rest stops.
    resources.add("the configuration reloader", reloader);
  }

  private static PollScheduler pollScheduler(AgentConfig config, AgentMetrics metrics, Clock clock)
      throws SchedulerException {
    int workers = config.polling().workers();
    return new PollScheduler(
        List.of(),
        Map.of(),
        workers,
        config.polling().maxPollsInFlight(),
        config.polling().confirmationDelay(),
        PollScheduleObserver.all(
            List.of(
                new ScheduleMetrics(metrics, List.of()),
                new ScheduleOverloadLog(clock, OVERLOAD_LOG_QUIET_PERIOD, workers))));
  }

  /**
   * @param runsHere whether a report due now is written by this agent (in a cluster, by one member)
   */
  private void startReports(AgentConfig config, Clock clock, BooleanSupplier runsHere)
      throws SchedulerException {
    EventHistory history =
        consumers
            .history()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "reports need a history store (history.state_dir or --state-dir)"));
    resources
        .add(
            "the report schedules", new ReportScheduler(config.reports(), history, clock, runsHere))
        .start();
  }

  /**
   * The status page's latest events: from the history store when there is one, else kept in memory
   * by one more listener.
   */
  private RecentEvents recentEvents(List<EventListener> listeners) {
    if (consumers.history().isPresent()) {
      return RecentEvents.from(consumers.history().get());
    }
    EventRing ring = new EventRing(RECENT_EVENTS_KEPT);
    listeners.add(ring);
    return ring;
  }

  private AgentHttpServer listen(
      AgentConfig config,
      WebSecurity web,
      PrometheusRegistry registry,
      Clock clock,
      StatusPageOptions statusPage)
      throws IOException {
    try {
      return new AgentHttpServer(
          listenAddress(config.http().listen()),
          registry,
          states,
          events,
          clock,
          () -> reload().thenApply(o -> new ConfigReload.Result(o.success(), o.message())),
          this::diagnose,
          web,
          statusPage);
    } catch (IOException e) {
      throw new IOException(
          "cannot listen on " + config.http().listen() + ": " + e.getMessage(), e);
    }
  }

  /** {@code /diagnose}: on sessions of its own, with the running configuration's logins. */
  private Diagnosis diagnose(String device, Optional<String> peer) throws InterruptedException {
    try (ConfiguredDeviceAccess access = new ConfiguredDeviceAccess(running, environment)) {
      return new Diagnoser(access, clock, DIAGNOSE_COUNTER_INTERVAL).diagnose(device, peer);
    }
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
    return start(
        config, ConfigReloader.ConfigSource.NONE, WebSecurity.NONE, clock, environment, listeners);
  }

  /**
   * Starts an agent that reloads its configuration from {@code source} when asked ({@link
   * #reload()}, {@code POST /-/reload}) and serves HTTP with {@code web}'s TLS and authentication.
   */
  public static Agent start(
      AgentConfig config,
      ConfigReloader.ConfigSource source,
      WebSecurity web,
      Clock clock,
      Function<String, String> environment,
      List<EventListener> listeners)
      throws IOException, SchedulerException {
    Resources resources = new Resources();
    try {
      return new Agent(config, source, web, clock, environment, listeners, resources);
    } catch (IOException | SchedulerException | RuntimeException e) {
      resources.close();
      throw e;
    }
  }

  /** Starts an agent whose events are only logged and counted. */
  public static Agent start(AgentConfig config, Clock clock, Function<String, String> environment)
      throws IOException, SchedulerException {
    return start(config, clock, environment, List.of());
  }

  public static Agent start(AgentConfig config) throws IOException, SchedulerException {
    return start(config, Clock.systemUTC(), System::getenv);
  }

  /** Micrometer, kept for its JVM and process binders only; it shares the agent's registry. */
  private static final Set<String> DISALLOWED_METERS =
      Set.of("process.cpu.time", "system.cpu.count");

  private static PrometheusMeterRegistry jvmMeters(PrometheusRegistry registry) {
    PrometheusMeterRegistry meters =
        new PrometheusMeterRegistry(
            PrometheusConfig.DEFAULT, registry, io.micrometer.core.instrument.Clock.SYSTEM);
    // Two of Micrometer's names break Prometheus's naming rules (promtool check metrics): CPU
    // time in nanoseconds, and a gauge named like a histogram's _count. Micrometer wants filters
    // before the first meter.
    meters.config().meterFilter(MeterFilter.deny(id -> DISALLOWED_METERS.contains(id.getName())));
    new ClassLoaderMetrics().bindTo(meters);
    new JvmMemoryMetrics().bindTo(meters);
    new JvmGcMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    new UptimeMetrics().bindTo(meters);
    return meters;
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

  /**
   * Reloads the configuration in the background, one reload at a time.
   *
   * @return how it went, once done
   */
  public CompletableFuture<ConfigReloader.Outcome> reload() {
    return reloader.reload();
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

  /** This agent as a member of its cluster, when the configuration has one. */
  public Optional<ClusterMember> cluster() {
    return cluster;
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

  /** Stops everything, the last started first: reports, traps, polls, HTTP, then the rest. */
  @Override
  public void close() {
    resources.close();
  }
}
