package io.tunnelwatch.testing.process;

import java.util.List;

/**
 * What a finished command did. Stdout and stderr are kept apart: tools such as {@code snmpget}
 * print notices on stderr (for instance "Created directory: /var/lib/snmp/cert_indexes" on a fresh
 * machine) that must not end up in the output a test parses.
 */
public record CommandResult(List<String> command, int exitCode, String stdout, String stderr) {

  public CommandResult {
    command = List.copyOf(command);
  }

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** Stdout then stderr, for tests that look for an error message wherever the tool put it. */
  public String output() {
    return stdout + stderr;
  }

  /**
   * This result if the command exited 0.
   *
   * @throws AssertionError naming the command, its exit code and both streams otherwise
   */
  public CommandResult requireSuccess() {
    if (!succeeded()) {
      throw new AssertionError(this);
    }
    return this;
  }

  /**
   * This result if the command failed (non-zero exit).
   *
   * @throws AssertionError naming the command and both streams if it exited 0
   */
  public CommandResult requireFailure() {
    if (succeeded()) {
      throw new AssertionError("expected a failure: " + this);
    }
    return this;
  }

  @Override
  public String toString() {
    return String.join(" ", command)
        + " -> exit "
        + exitCode
        + "\n--- stdout\n"
        + stdout
        + "\n--- stderr\n"
        + stderr;
  }
}
