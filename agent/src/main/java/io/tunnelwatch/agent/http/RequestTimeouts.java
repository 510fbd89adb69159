package io.tunnelwatch.agent.http;

import java.time.Duration;

/**
 * Bounds on how long a client may take to send its request and to read the response. The JDK's HTTP
 * server reads a request on a worker thread and only knows these bounds as system properties, read
 * once when the server is first used; without them a few clients that send one byte and then
 * nothing hold every worker and starve scrapes and health checks.
 */
final class RequestTimeouts {

  static final Duration MAX_REQUEST_TIME = Duration.ofSeconds(10);
  static final Duration MAX_RESPONSE_TIME = Duration.ofSeconds(30);

  private RequestTimeouts() {}

  /** Sets the bounds unless the operator set them on the command line. */
  static void applyUnlessSet() {
    setUnlessSet("sun.net.httpserver.maxReqTime", MAX_REQUEST_TIME);
    setUnlessSet("sun.net.httpserver.maxRspTime", MAX_RESPONSE_TIME);
  }

  private static void setUnlessSet(String property, Duration value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, Long.toString(value.toSeconds()));
    }
  }
}
