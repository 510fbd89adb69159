package io.tunnelwatch.testing.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain GETs against the servers a test runs on loopback; I/O failures become unchecked. */
public final class HttpGet {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private HttpGet() {}

  public static HttpResponse<String> send(URI uri) {
    try {
      return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted fetching " + uri, e);
    }
  }

  public static String body(URI uri) {
    return send(uri).body();
  }

  /** Whether {@code uri} answers 200 now; false while the server is still starting. */
  public static boolean ok(URI uri) {
    try {
      return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
