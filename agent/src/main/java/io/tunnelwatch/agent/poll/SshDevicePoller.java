package io.tunnelwatch.agent.poll;

import io.tunnelwatch.core.model.DeviceSnapshot;
import io.tunnelwatch.core.model.Source;
import io.tunnelwatch.ios.CliOutputs;
import io.tunnelwatch.ios.CliSnapshotAssembler;
import io.tunnelwatch.ios.parse.ParseException;
import io.tunnelwatch.ios.parse.ParseWarning;
import io.tunnelwatch.ios.parse.Parsed;
import io.tunnelwatch.ios.transport.CliException;
import io.tunnelwatch.ios.transport.CliSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Polls a device by running the IOS show commands on a kept-open CLI session. */
public final class SshDevicePoller implements DevicePoller {

  private final String device;
  private final CliSession session;
  private final Duration commandTimeout;
  private final Clock clock;

  public SshDevicePoller(String device, CliSession session, Duration commandTimeout, Clock clock) {
    this.device = device;
    this.session = session;
    this.commandTimeout = commandTimeout;
    this.clock = clock;
  }

  @Override
  public List<String> failureReasons() {
    return Stream.concat(
            Arrays.stream(CliException.Kind.values()).map(k -> k.name().toLowerCase(Locale.ROOT)),
            Stream.of("parse"))
        .toList();
  }

  @Override
  public Source source() {
    return Source.SSH;
  }

  @Override
  public PollResult poll() throws PollException {
    CliOutputs outputs;
    try {
      outputs =
          new CliOutputs(
              run(ShowCommands.CRYPTO_SESSION),
              run(ShowCommands.ISAKMP_SA),
              run(ShowCommands.IPSEC_SA),
              run(ShowCommands.INTERFACES),
              run(ShowCommands.CPU));
    } catch (CliException e) {
      throw new PollException(e.kind().name().toLowerCase(Locale.ROOT), e.getMessage(), e);
    }
    try {
      Parsed<DeviceSnapshot> parsed =
          CliSnapshotAssembler.assemble(device, clock.instant(), outputs);
      return new PollResult(parsed.value(), countByCommand(parsed));
    } catch (ParseException e) {
      throw new PollException("parse", device + ": " + e.getMessage(), e);
    }
  }

  private String run(String command) throws CliException {
    return session.execute(command, commandTimeout);
  }

  private static Map<String, Integer> countByCommand(Parsed<DeviceSnapshot> parsed) {
    Map<String, Integer> counts = new TreeMap<>();
    for (ParseWarning warning : parsed.warnings()) {
      counts.merge(warning.command(), 1, Integer::sum);
    }
    return counts;
  }

  @Override
  public void close() {
    session.close();
  }
}
