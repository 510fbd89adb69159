package io.tunnelwatch.agent.alerting;

import java.net.URI;

/** How to name a destination in logs and metrics without any credentials it may carry. */
final class Destination {

  private Destination() {}

  /** {@code scheme://host:port/path}: no user info, query or fragment. */
  static String safeName(URI uri) {
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return uri.getScheme() + "://" + uri.getHost() + port + path;
  }
}
