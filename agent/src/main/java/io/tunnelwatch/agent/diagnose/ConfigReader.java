package io.tunnelwatch.agent.diagnose;

import io.tunnelwatch.ios.config.AccessList;
import io.tunnelwatch.ios.config.AccessListParser;
import io.tunnelwatch.ios.config.CryptoConfiguration;
import io.tunnelwatch.ios.config.RunningConfigParser;
import io.tunnelwatch.ios.parse.ParseException;
import io.tunnelwatch.ios.transport.CliException;
import java.util.List;
import java.util.Optional;

/**
 * Reads the parts of a router's configuration the mirror check compares: the crypto section, the
 * tunnel interfaces, the access lists.
 */
final class ConfigReader {

  /** What an account needs to read the configuration: said when it may not. */
  static final String PRIVILEGE_NEEDED =
      "needs privilege level 15, or a parser view that includes `show running-config` and"
          + " `show ip access-lists`";

  private ConfigReader() {}

  /** The configuration, or why it could not be read. */
  record Read(Optional<RouterConfig> config, Optional<String> denied) {}

  /**
   * @param crypto the crypto section, with the tunnel interfaces merged in
   */
  record RouterConfig(CryptoConfiguration crypto, List<AccessList> accessLists) {}

  static Read read(DiagnosticCli cli, List<String> tunnels) throws CliException {
    String section = cli.run(AllowedCommand.cryptoConfig());
    if (RunningConfigParser.isDenied(section)) {
      return new Read(
          Optional.empty(),
          Optional.of(
              "the account tunnelwatch uses on "
                  + cli.device()
                  + " may not read the configuration ("
                  + Evidence.shorten(firstLine(section))
                  + "): the mirror check and the audit "
                  + PRIVILEGE_NEEDED));
    }
    try {
      CryptoConfiguration crypto = RunningConfigParser.parse(section).value();
      for (String tunnel : tunnels) {
        String iface = cli.run(AllowedCommand.interfaceConfig(tunnel));
        if (!RunningConfigParser.isDenied(iface)) {
          crypto = CryptoConfiguration.merge(crypto, RunningConfigParser.parse(iface).value());
        }
      }
      String acls = cli.run(AllowedCommand.accessLists());
      List<AccessList> accessLists =
          RunningConfigParser.isDenied(acls) ? List.of() : AccessListParser.parse(acls).value();
      return new Read(Optional.of(new RouterConfig(crypto, accessLists)), Optional.empty());
    } catch (ParseException e) {
      return new Read(
          Optional.empty(),
          Optional.of(
              "the configuration of "
                  + cli.device()
                  + " was not understood ("
                  + Evidence.shorten(e.reason())
                  + "): no mirror check or audit"));
    }
  }

  private static String firstLine(String output) {
    return output
        .lines()
        .filter(line -> line.strip().startsWith("%"))
        .findFirst()
        .orElse(output.lines().filter(l -> !l.isBlank()).findFirst().orElse(""));
  }
}
