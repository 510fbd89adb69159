package io.tunnelwatch.lab;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The lab's HTTP control API: list the routers, inject and heal faults.
 *
 * <pre>
 * GET    /routers                         every router (JSON)
 * GET    /routers/{name}                  one router
 * POST   /routers/{name}/faults/{fault}   inject; 200 with the router afterwards
 * DELETE /routers/{name}/faults/{fault}   heal;   200 with the router afterwards
 * </pre>
 *
 * Both verbs are idempotent: injecting an active fault or healing an inactive one changes nothing.
 * Errors are JSON {@code {"error": "..."}} naming what would have been valid.
 */
final class LabControlServer implements AutoCloseable {
  private static final String USAGE =
      "GET /routers, GET /routers/{name}, POST or DELETE /routers/{name}/faults/{fault}";

  private final Map<String, LabRouter> routers;
  private final HttpServer server;

  private LabControlServer(Map<String, LabRouter> routers, HttpServer server) {
    this.routers = routers;
    this.server = server;
  }

  /** Binds {@code address} (port 0 = any free one) and starts serving. */
  static LabControlServer start(InetSocketAddress address, Map<String, LabRouter> routers) {
    HttpServer server;
    try {
      server = HttpServer.create(address, 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the lab control API on " + address, e);
    }
    LabControlServer control = new LabControlServer(routers, server);
    server.createContext("/", control::handle);
    server.start();
    return control;
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private record Response(int status, String body, String allow) {
    static Response ok(String body) {
      return new Response(200, body, null);
    }

    static Response error(int status, String message) {
      return new Response(status, Json.object(Map.of("error", Json.string(message))), null);
    }

    static Response notAllowed(String method, String path, String allow) {
      String message = method + " is not allowed on " + path + "; allowed: " + allow;
      return new Response(405, Json.object(Map.of("error", Json.string(message))), allow);
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    Response response;
    try (exchange) {
      try {
        response = route(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
      } catch (RuntimeException e) {
        response = Response.error(500, "the lab failed: " + e.getMessage());
      }
      byte[] body = (response.body() + "\n").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      if (response.allow() != null) {
        exchange.getResponseHeaders().set("Allow", response.allow());
      }
      exchange.sendResponseHeaders(response.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private Response route(String method, String path) {
    List<String> parts =
        Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).collect(Collectors.toList());
    if (!isApiPath(parts)) {
      return Response.error(404, "no such resource " + path + "; the API is: " + USAGE);
    }
    if (parts.size() == 1) {
      if (!method.equals("GET")) {
        return Response.notAllowed(method, path, "GET");
      }
      return Response.ok(
          Json.object(
              Map.of(
                  "routers",
                  Json.array(routers.values().stream().map(RouterJson::render).toList()))));
    }
    LabRouter router = routers.get(parts.get(1));
    if (router == null) {
      return Response.error(
          404,
          "no router " + parts.get(1) + "; valid routers: " + String.join(", ", routers.keySet()));
    }
    if (parts.size() == 2) {
      return method.equals("GET")
          ? Response.ok(RouterJson.render(router))
          : Response.notAllowed(method, path, "GET");
    }
    return fault(method, path, router, parts.get(3));
  }

  /** {@code routers}, {@code routers/X} or {@code routers/X/faults/Y}. */
  private static boolean isApiPath(List<String> parts) {
    return switch (parts.size()) {
      case 1, 2 -> parts.get(0).equals("routers");
      case 4 -> parts.get(0).equals("routers") && parts.get(2).equals("faults");
      default -> false;
    };
  }

  private Response fault(String method, String path, LabRouter router, String id) {
    if (!method.equals("POST") && !method.equals("DELETE")) {
      return Response.notAllowed(method, path, "POST, DELETE");
    }
    Optional<Fault> fault = Fault.byId(id);
    if (fault.isEmpty()) {
      return Response.error(400, "unknown fault " + id + "; valid faults: " + Fault.validIds());
    }
    if (method.equals("POST")) {
      router.injectFault(fault.get());
    } else if (fault.get().isOneShot()) {
      return Response.error(
          400,
          fault.get().id()
              + " is a one-shot fault and cannot be healed; healable faults: "
              + Arrays.stream(Fault.values())
                  .filter(f -> !f.isOneShot())
                  .map(Fault::id)
                  .collect(Collectors.joining(", ")));
    } else {
      router.healFault(fault.get());
    }
    return Response.ok(RouterJson.render(router));
  }
}
