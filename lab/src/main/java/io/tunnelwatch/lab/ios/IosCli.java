package io.tunnelwatch.lab.ios;

import io.tunnelwatch.lab.sim.InterfaceSnapshot;
import io.tunnelwatch.lab.sim.RouterSnapshot;
import io.tunnelwatch.lab.sim.SimulatedRouter;
import java.util.List;

/**
 * The IOS exec command interpreter of one router at one privilege level, independent of any
 * transport: parses a line and renders the answer from a fresh snapshot. Output lines end in {@code
 * \n}; transports convert.
 */
public final class IosCli {
  private final SimulatedRouter router;
  private final Privilege privilege;
  private final List<String> interfaceNames;
  private final CommandParser parser;

  /** The interpreter of a privileged (level 15) session. */
  public IosCli(SimulatedRouter router) {
    this(router, Privilege.PRIVILEGED_EXEC, interfaceNames(router));
  }

  private IosCli(SimulatedRouter router, Privilege privilege, List<String> interfaceNames) {
    this.router = router;
    this.privilege = privilege;
    this.interfaceNames = interfaceNames;
    this.parser = new CommandParser(interfaceNames, privilege);
  }

  private static List<String> interfaceNames(SimulatedRouter router) {
    return router.snapshot().interfaces().stream().map(InterfaceSnapshot::name).toList();
  }

  /** The interpreter of the same router for a session at another level. */
  public IosCli withPrivilege(Privilege level) {
    return level == privilege ? this : new IosCli(router, level, interfaceNames);
  }

  public Privilege privilege() {
    return privilege;
  }

  public String hostname() {
    return router.config().hostname();
  }

  /** The exec prompt: {@code R1#} when privileged, {@code R1>} in user EXEC. */
  public String prompt() {
    return hostname() + privilege.promptSuffix();
  }

  public ParsedLine parse(String line) {
    return parser.parse(line);
  }

  /**
   * The output of a parsed command, filtered by its pipe. Commands that only change session state
   * ({@code terminal}, {@code exit}) produce nothing here; the session applies them.
   */
  public String output(ParsedLine.Command command) {
    String text = render(command);
    return command.pipe() == null ? text : command.pipe().apply(text);
  }

  /** Parses and answers one line the way an exec channel would, errors included. */
  public String answer(String line) {
    ParsedLine parsed = parse(line);
    if (parsed instanceof ParsedLine.Command command) {
      return output(command);
    }
    if (parsed instanceof ParsedLine.Rejected rejected) {
      return rejected.message(prompt().length());
    }
    return "";
  }

  private String render(ParsedLine.Command command) {
    RouterSnapshot s = router.snapshot();
    return switch (command.id()) {
      case SHOW_CRYPTO_SESSION -> CryptoSessionView.render(s, false);
      case SHOW_CRYPTO_SESSION_DETAIL -> CryptoSessionView.render(s, true);
      case SHOW_CRYPTO_ISAKMP_SA -> IsakmpSaView.render(s, false);
      case SHOW_CRYPTO_ISAKMP_SA_DETAIL -> IsakmpSaView.render(s, true);
      case SHOW_CRYPTO_IPSEC_SA -> IpsecSaView.render(s, peer -> true);
      case SHOW_CRYPTO_IPSEC_SA_PEER ->
          command.argument() == null
              ? "% Incomplete command.\n"
              : IpsecSaView.render(s, command.argument()::equals);
      case SHOW_INTERFACES -> InterfacesView.render(s, selected(s, command.argument()));
      case SHOW_PROCESSES_CPU -> ProcessesCpuView.render(s, false);
      case SHOW_PROCESSES_CPU_SORTED -> ProcessesCpuView.render(s, true);
      case SHOW_VERSION -> VersionView.render(s);
      case SHOW_CLOCK -> IosFormat.clock(s.now()) + "\n";
      case SHOW_RUNNING_CONFIG -> RunningConfigBuilder.build(s).show();
      case SHOW_RUNNING_CONFIG_INTERFACE ->
          // The parser only lets through interfaces the router has, and each is configured.
          RunningConfigBuilder.build(s).showInterface(command.argument()).orElse("");
      case SHOW_ACCESS_LISTS, SHOW_IP_ACCESS_LISTS -> AccessListsView.render(s, command.argument());
      case PING -> PingView.render(s, command.ping());
      // Without an enable secret IOS refuses to raise a vty session's level.
      case ENABLE -> privilege == Privilege.PRIVILEGED_EXEC ? "" : "% No password set\n";
      case TERMINAL_LENGTH, TERMINAL_WIDTH, EXIT -> "";
    };
  }

  private static List<InterfaceSnapshot> selected(RouterSnapshot s, String name) {
    return name == null ? s.interfaces() : s.interfaceNamed(name).stream().toList();
  }
}
