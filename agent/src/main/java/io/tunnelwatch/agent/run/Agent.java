package io.tunnelwatch.agent.run;

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
import io.tunnelwatch.agent.config.AuthConfig;
import io.tunnelwatch.agent.config.DeviceConfig;
import io.tunnelwatch.agent.config.ModuleConfig;
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
import io.tunnelwatch.agent.poll.PollScheduler;
import io.tunnelwatch.agent.poll.PollTask;
import io.tunnelwatch.agent.poll.SshDevicePoller;
import io.tunnelwatch.cli.transport.ReconnectingCliSession;
import io.tunnelwatch.cli.transport.SshConnector;
import io.tunnelwatch.cli.transport.SshTarget;
import io.tunnelwatch.core.model.Source;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.quartz.SchedulerException;

/** A running agent: pollers on their schedules, the device states, and the HTTP server. */
public final class Agent implements AutoCloseable {

  private static final ReconnectingCliSession.Backoff RECONNECT_BACKOFF =
      new ReconnectingCliSession.Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2));

  private final SshConnector connector;
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
    consumers = EventConsumers.create(config, pollIntervals(config), meters);
    List<EventListener> allListeners = new ArrayList<>(consumers.listeners());
    allListeners.addAll(listeners);
    Map<String, TrackerSettings> trackerSettings = new LinkedHashMap<>();
    config
        .devices()
        .forEach(d -> trackerSettings.put(d.name(), d.events().settingsOver(config.events())));
    events = new EventTracker(trackerSettings, new EventFanout(allListeners), clock);
    connector = new SshConnector();
    CredentialsResolver credentials = new CredentialsResolver(environment);
    List<PollTask> tasks = new ArrayList<>();
    Map<String, Duration> intervals = new LinkedHashMap<>();
    for (DeviceConfig device : config.devices()) {
      if (device.ssh() == null) {
        continue;
      }
      states.register(device.name(), List.of(Source.SSH));
      ModuleConfig.SshModuleConfig module = config.modules().get(device.module()).ssh();
      AuthConfig auth = config.auths().get(device.ssh().auth());
      ReconnectingCliSession session =
          new ReconnectingCliSession(
              () ->
                  connector.open(
                      new SshTarget(
                          device.name(),
                          device.host(),
                          device.ssh().port(),
                          auth.username(),
                          credentials.resolve(device.ssh().auth(), auth),
                          Path.of(device.ssh().knownHosts()),
                          device.ssh().trustOnFirstUse(),
                          module.connectTimeout()),
                      module.commandTimeout()),
              RECONNECT_BACKOFF);
      DevicePoller ssh =
          new SshDevicePoller(device.name(), session, module.commandTimeout(), clock);
      DevicePoller poller =
          consumers
              .history()
              .<DevicePoller>map(h -> new HistoryRecordingPoller(device.name(), ssh, h, clock))
              .orElse(ssh);
      tasks.add(
          new PollTask(
              device.name(), poller, states, meters, events.monitor(device.name()).orElseThrow()));
      intervals.put(device.name(), device.interval());
    }
    registry.register(DeviceCollector.allDevices(states));
    registry.register(EventCollector.allDevices(events));
    InetSocketAddress listen = listenAddress(config.http().listen());
    try {
      http = new AgentHttpServer(listen, registry, states, events, clock);
    } catch (IOException e) {
      connector.close();
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
      connector.close();
      consumers.close();
      throw e;
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
    http.close();
    scheduler.close();
    connector.close();
    consumers.close();
    meters.close();
  }
}
