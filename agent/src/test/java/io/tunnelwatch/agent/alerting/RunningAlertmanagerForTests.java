package io.tunnelwatch.agent.alerting;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/** {@link RunningAlertmanager} for tests outside this package. */
public final class RunningAlertmanagerForTests implements AutoCloseable {

  private final RunningAlertmanager delegate;

  private RunningAlertmanagerForTests(RunningAlertmanager delegate) {
    this.delegate = delegate;
  }

  public static RunningAlertmanagerForTests start(Path dir) throws IOException {
    return new RunningAlertmanagerForTests(
        RunningAlertmanager.start(dir, RunningAlertmanager.freePort()));
  }

  public URI url() {
    return delegate.url();
  }

  /** The body of {@code GET /api/v2/alerts}. */
  public String alertsJson() throws IOException, InterruptedException {
    return delegate.get("/api/v2/alerts").body();
  }

  @Override
  public void close() throws InterruptedException {
    delegate.close();
  }
}
