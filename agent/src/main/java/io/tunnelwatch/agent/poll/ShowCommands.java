package io.tunnelwatch.agent.poll;

/** The IOS commands one SSH poll runs, in order. */
final class ShowCommands {

  static final String CRYPTO_SESSION = "show crypto session detail";
  // The plain table names the state (QM_IDLE, MM_KEY_EXCH...); the detail table only says ACTIVE.
  // Lifetimes come from the session detail instead.
  static final String ISAKMP_SA = "show crypto isakmp sa";
  static final String IPSEC_SA = "show crypto ipsec sa";
  static final String INTERFACES = "show interfaces";
  static final String CPU = "show processes cpu | include CPU utilization";

  private ShowCommands() {}
}
