package io.tunnelwatch.agent.http;

import com.sun.net.httpserver.Authenticator;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.tunnelwatch.agent.diagnose.DiagnoseService;
import io.tunnelwatch.agent.events.EventTracker;
import io.tunnelwatch.agent.http.security.WebSecurity;
import io.tunnelwatch.agent.http.status.StatusPage;
import io.tunnelwatch.agent.http.status.StatusPageOptions;
import io.tunnelwatch.agent.http.status.StatusPageSources;
import io.tunnelwatch.agent.poll.DeviceStates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The agent's HTTP face: {@code /metrics}, {@code /probe}, {@code /-/healthy}, {@code /-/ready},
 * {@code /diagnose} and the status page at {@code /}, all read-only; {@code POST /-/reload} reloads
 * the configuration.
 */
public final class AgentHttpServer implements AutoCloseable {

  private static final int BACKLOG = 64;
  private static final int WORKERS = 16;
  private static final int QUEUED_REQUESTS = 256;

  private final HttpServer server;
  private final Optional<Authenticator> authenticator;
  private final ExecutorService executor;

  /** Binds and starts serving, without configuration reloads ({@code /-/reload} fails). */
  public AgentHttpServer(
      InetSocketAddress address,
      PrometheusRegistry registry,
      DeviceStates states,
      EventTracker events,
      Clock clock)
      throws IOException {
    this(
        address,
        registry,
        states,
        events,
        clock,
        ConfigReload.UNAVAILABLE,
        DiagnoseService.UNAVAILABLE,
        WebSecurity.NONE,
        StatusPageSources.defaults(events));
  }

  /**
   * Binds and starts serving.
   *
   * @param registry holds the event collectors and the agent's own meters; the device data is
   *     written from {@code states} section by section
   * @param events whose per-device event metrics {@code /probe} adds to the device's data
   * @param reload what {@code POST /-/reload} starts and waits for
   * @param diagnose what {@code /diagnose} runs
   * @param security TLS and basic authentication from {@code --web.config.file}, or none
   * @param statusPage the status page's links and where it reads the latest events
   */
  public AgentHttpServer(
      InetSocketAddress address,
      PrometheusRegistry registry,
      DeviceStates states,
      EventTracker events,
      Clock clock,
      ConfigReload reload,
      DiagnoseService diagnose,
      WebSecurity security,
      StatusPageOptions statusPage)
      throws IOException {
    RequestTimeouts.applyUnlessSet();
    server = create(address, security);
    authenticator = security.authenticator();
    executor = workers();
    server.setExecutor(executor);
    readOnly("/metrics", new ExpositionHandler(registry, states, device -> true));
    readOnly("/probe", new ProbeHandler(states, events));
    readOnly("/-/healthy", exchange -> Responses.text(exchange, 200, "Healthy\n"));
    readOnly(
        "/-/ready",
        exchange -> {
          boolean ready = states.allPolledOnce();
          Responses.text(
              exchange,
              ready ? 200 : 503,
              ready ? "Ready\n" : "Not ready: waiting for the first poll of every device\n");
        });
    readOnly("/diagnose", new DiagnoseHandler(diagnose));
    StatusPageSources page = new StatusPageSources(states, events, clock, statusPage);
    readOnly("/", exchange -> statusPage(exchange, page));
    HttpContext reloading = server.createContext("/-/reload", new ReloadHandler(reload));
    reloading.getFilters().add(new PostOnly());
    authenticator.ifPresent(reloading::setAuthenticator);
    server.start();
  }

  private static HttpServer create(InetSocketAddress address, WebSecurity security)
      throws IOException {
    if (security.tls().isEmpty()) {
      return HttpServer.create(address, BACKLOG);
    }
    WebSecurity.Tls tls = security.tls().get();
    HttpsServer https = HttpsServer.create(address, BACKLOG);
    https.setHttpsConfigurator(
        new HttpsConfigurator(tls.context()) {
          @Override
          public void configure(HttpsParameters parameters) {
            parameters.setSSLParameters(tls.parameters());
          }
        });
    return https;
  }

  /**
   * A GET/HEAD endpoint, behind the basic authentication if there is one; {@code /-/healthy} stays
   * open, as the exporter-toolkit lets a liveness probe in without credentials.
   */
  private void readOnly(String path, HttpHandler handler) {
    HttpContext context = server.createContext(path, handler);
    context.getFilters().add(new ReadOnlyMethods());
    if (!path.equals("/-/healthy")) {
      authenticator.ifPresent(context::setAuthenticator);
    }
  }

  /**
   * A bounded pool with a bounded queue: a slow client holds one worker for at most the request
   * timeout, and a flood of connections is refused (the server closes them) instead of queueing
   * without end.
   */
  private static ExecutorService workers() {
    AtomicInteger number = new AtomicInteger();
    return new ThreadPoolExecutor(
        WORKERS,
        WORKERS,
        0,
        TimeUnit.MILLISECONDS,
        new ArrayBlockingQueue<>(QUEUED_REQUESTS),
        r -> {
          Thread t = new Thread(r, "http-" + number.incrementAndGet());
          t.setDaemon(true);
          return t;
        },
        new ThreadPoolExecutor.AbortPolicy());
  }

  private static void statusPage(HttpExchange exchange, StatusPageSources page) throws IOException {
    if (!"/".equals(exchange.getRequestURI().getPath())) {
      Responses.text(exchange, 404, "not found\n");
      return;
    }
    Responses.html(exchange, 200, StatusPage.render(page.view()));
  }

  /** The bound address (the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
