package io.tunnelwatch.agent.alerting;

import java.net.URI;

/** Where notifications go, and how to name it in logs and metrics without any credentials. */
final class Destination {

  private Destination() {}

  /** {@code scheme://host:port/path}: no user info, query or fragment. */
  static String safeName(URI uri) {
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return uri.getScheme() + "://" + uri.getHost() + port + path;
  }

  /** Parses and checks an http(s) URL, naming what was expected. */
  static URI parseHttpUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected an http:// or https:// URL", e);
    }
    if (uri.getScheme() == null
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException("expected an http:// or https:// URL with a host");
    }
    return uri;
  }
}
