package io.tunnelwatch.lab.ios;

/** The two exec levels IOS logins get by default: user EXEC (1) and privileged EXEC (15). */
public enum Privilege {
  /** Level 1: {@code R1>}; no {@code show running-config}, no configuration. */
  USER_EXEC(">"),
  /** Level 15: {@code R1#}; everything. */
  PRIVILEGED_EXEC("#");

  private final String promptSuffix;

  Privilege(String promptSuffix) {
    this.promptSuffix = promptSuffix;
  }

  /** What follows the hostname in the prompt. */
  public String promptSuffix() {
    return promptSuffix;
  }
}
