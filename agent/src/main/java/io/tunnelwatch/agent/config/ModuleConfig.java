package io.tunnelwatch.agent.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What to collect and how patiently.
 *
 * @param ssh SSH collection settings; absent means the module does not use SSH
 */
public record ModuleConfig(SshModuleConfig ssh) {

  /**
   * @param commandTimeout bound on one show command
   * @param connectTimeout bound on connect, key exchange and login together
   */
  public record SshModuleConfig(Duration commandTimeout, Duration connectTimeout) {
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public SshModuleConfig {
      commandTimeout = Objects.requireNonNullElse(commandTimeout, DEFAULT_COMMAND_TIMEOUT);
      connectTimeout = Objects.requireNonNullElse(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
    }
  }
}
