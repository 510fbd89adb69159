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
import io.tunnelwatch.agent.events.EventListener;
import io.tunnelwatch.agent.history.EventHistory;
import io.tunnelwatch.agent.http.AgentHttpServer;
import io.tunnelwatch.agent.http.DeviceCollector;
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
  private final PrometheusMeterRegistry meters;
  private final PollScheduler scheduler;
  private final AgentHttpServer http;
  private final EventConsumers events;

  private Agent(AgentConfig config, Clock clock, Function<String, String> environment)
      throws IOException, SchedulerException {
    PrometheusRegistry registry = new PrometheusRegistry();
    meters =
        new PrometheusMeterRegistry(
            PrometheusConfig.DEFAULT, registry, io.micrometer.core.instrument.Clock.SYSTEM);
    bindJvmMetrics(meters);
    states = new DeviceStates();
    events = EventConsumers.create(config, pollIntervals(config), meters);
    connector = new SshConnector();
    CredentialsResolver credentials = new CredentialsResolver(environment);
    List<PollTask> tasks = new ArrayList<>();
    Map<String, Duration> intervals = new LinkedHashMap<>();
    for (DeviceConfig device : config.devices()) {
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
          events
              .history()
              .<DevicePoller>map(h -> new HistoryRecordingPoller(device.name(), ssh, h, clock))
              .orElse(ssh);
      tasks.add(new PollTask(device.name(), poller, states, meters));
      intervals.put(device.name(), device.interval());
    }
    registry.register(DeviceCollector.allDevices(states));
    InetSocketAddress listen = listenAddress(config.http().listen());
    try {
      http = new AgentHttpServer(listen, registry, states, clock);
    } catch (IOException e) {
      connector.close();
      tasks.forEach(PollTask::close);
      events.close();
      throw new IOException(
          "cannot listen on " + config.http().listen() + ": " + e.getMessage(), e);
    }
    try {
      scheduler = new PollScheduler(tasks, intervals);
      scheduler.start();
    } catch (SchedulerException | RuntimeException e) {
      http.close();
      connector.close();
      events.close();
      throw e;
    }
  }

  /** Starts an agent for a validated configuration. */
  public static Agent start(AgentConfig config, Clock clock, Function<String, String> environment)
      throws IOException, SchedulerException {
    return new Agent(config, clock, environment);
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

  /** The configured consumers of events (history store, alerting), for the state tracker. */
  public List<EventListener> eventListeners() {
    return events.listeners();
  }

  /** The history store, when the configuration keeps one. */
  public Optional<EventHistory> history() {
    return events.history();
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
    events.close();
    meters.close();
  }
}
