package io.tunnelwatch.lab.events;

/** The {@code cikeFailReason} values this lab produces (the MIB defines more). */
public enum IkeFailReason implements FailureReason {
  AUTH_FAILURE(5, "authFailure"),
  PROPOSAL_FAILURE(10, "proposalFailure");

  private final int code;
  private final String mibName;

  IkeFailReason(int code, String mibName) {
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
