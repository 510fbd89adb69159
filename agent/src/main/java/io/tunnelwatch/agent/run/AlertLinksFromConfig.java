package io.tunnelwatch.agent.run;

import io.tunnelwatch.agent.alerting.AlertLinks;
import io.tunnelwatch.agent.config.AgentConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The links alerts carry, from {@code alerting.runbook_base_url} and {@code alerting.external_url};
 * without an external URL, the listen address with a wildcard host replaced by this machine's name
 * (a link to 0.0.0.0 leads nowhere from the phone of the person paged).
 */
final class AlertLinksFromConfig {

  private AlertLinksFromConfig() {}

  static AlertLinks of(AgentConfig config) {
    String statusPage =
        config
            .alerting()
            .externalUrl()
            .orElseGet(() -> "http://" + reachable(config.http().listen()) + "/");
    return new AlertLinks(config.alerting().runbookBaseUrl(), statusPage);
  }

  private static String reachable(String listen) {
    int colon = listen.lastIndexOf(':');
    String host = colon < 0 ? listen : listen.substring(0, colon);
    String port = colon < 0 ? "" : listen.substring(colon);
    if (host.isEmpty() || host.equals("0.0.0.0") || host.equals("[::]") || host.equals("::")) {
      return localHostName() + port;
    }
    return listen;
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
