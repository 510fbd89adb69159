package io.tunnelwatch.agent.config;

import java.util.List;

/**
 * A configuration that passed every check, and what in it is usable but discouraged.
 *
 * @param config the configuration, its file paths made absolute
 * @param warnings e.g. an inline secret; each names the key path
 */
public record LoadedConfig(AgentConfig config, List<ConfigException.Problem> warnings) {
  public LoadedConfig {
    warnings = List.copyOf(warnings);
  }
}
