package io.tunnelwatch.agent.cli;

import io.tunnelwatch.agent.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the build's version and revision, and the Java runtime. */
final class BuildVersion implements IVersionProvider {

  @Override
  public String[] getVersion() {
    BuildInfo build = BuildInfo.current();
    return new String[] {
      "tunnelwatch " + build.version() + " (revision " + build.revision() + ")",
      "Java " + BuildInfo.javaVersion()
    };
  }
}
