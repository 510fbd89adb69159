package io.tunnelwatch.agent.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What to collect and how patiently.
 *
 * @param ssh SSH collection settings; defaults apply when absent
 * @param snmp SNMP collection settings; defaults apply when absent
 */
public record ModuleConfig(SshModuleConfig ssh, SnmpModuleConfig snmp) {

  /** Every setting at its default. */
  public static final ModuleConfig DEFAULTS =
      new ModuleConfig(SshModuleConfig.DEFAULTS, SnmpModuleConfig.DEFAULTS);

  // Jackson passes null for a key the YAML leaves out: the defaults, resolved here.
  public ModuleConfig {
    ssh = Objects.requireNonNullElse(ssh, SshModuleConfig.DEFAULTS);
    snmp = Objects.requireNonNullElse(snmp, SnmpModuleConfig.DEFAULTS);
  }

  /** SSH settings as given, SNMP at its defaults. */
  public static ModuleConfig ofSsh(SshModuleConfig ssh) {
    return new ModuleConfig(ssh, SnmpModuleConfig.DEFAULTS);
  }

  /**
   * @param commandTimeout bound on one show command
   * @param connectTimeout bound on connect, key exchange and login together
   * @param maxOutputBytes bound on what one command may print; a device that prints more is cut off
   *     and its poll fails ({@code output_too_large}). A poll holds up to about twice this in
   *     memory, so the agent's heap needs {@code polling.workers} times that for the worst case
   */
  public record SshModuleConfig(
      Duration commandTimeout, Duration connectTimeout, Integer maxOutputBytes) {
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(15);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Sized for a hub with 5,000 tunnels (~9 MB of {@code show crypto ipsec sa}) with room. */
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 64 << 20;

    public static final SshModuleConfig DEFAULTS =
        new SshModuleConfig(
            DEFAULT_COMMAND_TIMEOUT, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_OUTPUT_BYTES);

    public SshModuleConfig {
      commandTimeout = Objects.requireNonNullElse(commandTimeout, DEFAULT_COMMAND_TIMEOUT);
      connectTimeout = Objects.requireNonNullElse(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
      maxOutputBytes = Objects.requireNonNullElse(maxOutputBytes, DEFAULT_MAX_OUTPUT_BYTES);
    }
  }

  /**
   * @param timeout bound on one request (each retry gets its own)
   * @param retries extra attempts after a timeout
   * @param maxRepetitions rows asked for in one GETBULK
   * @param maxRowsPerWalk a table longer than this is cut and reported, never read forever
   * @param walkTimeout bound on one whole table walk
   */
  public record SnmpModuleConfig(
      Duration timeout,
      Integer retries,
      Integer maxRepetitions,
      Integer maxRowsPerWalk,
      Duration walkTimeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_RETRIES = 1;
    public static final int DEFAULT_MAX_REPETITIONS = 25;
    public static final int DEFAULT_MAX_ROWS_PER_WALK = 200_000;
    public static final Duration DEFAULT_WALK_TIMEOUT = Duration.ofSeconds(20);

    public static final SnmpModuleConfig DEFAULTS =
        new SnmpModuleConfig(
            DEFAULT_TIMEOUT,
            DEFAULT_RETRIES,
            DEFAULT_MAX_REPETITIONS,
            DEFAULT_MAX_ROWS_PER_WALK,
            DEFAULT_WALK_TIMEOUT);

    public SnmpModuleConfig {
      timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
      retries = Objects.requireNonNullElse(retries, DEFAULT_RETRIES);
      maxRepetitions = Objects.requireNonNullElse(maxRepetitions, DEFAULT_MAX_REPETITIONS);
      maxRowsPerWalk = Objects.requireNonNullElse(maxRowsPerWalk, DEFAULT_MAX_ROWS_PER_WALK);
      walkTimeout = Objects.requireNonNullElse(walkTimeout, DEFAULT_WALK_TIMEOUT);
    }
  }
}
