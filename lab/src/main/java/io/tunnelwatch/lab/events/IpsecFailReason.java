package io.tunnelwatch.lab.events;

/** The {@code cipSecFailReason} values this lab produces (the MIB defines more). */
public enum IpsecFailReason implements FailureReason {
  /** The peer accepted none of the offered transforms. */
  PROPOSAL_FAILURE(4, "proposalFailure"),
  /** The peer refused the proposed traffic selectors (proxy identities not supported). */
  PROTOCOL_USE_FAIL(5, "protocolUseFail");

  private final int code;
  private final String mibName;

  IpsecFailReason(int code, String mibName) {
    this.code = code;
    this.mibName = mibName;
  }

  @Override
  public int code() {
    return code;
  }

  @Override
  public String mibName() {
    return mibName;
  }
}
