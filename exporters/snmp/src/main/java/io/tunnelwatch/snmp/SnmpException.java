package io.tunnelwatch.snmp;

/**
 * Why an SNMP exchange failed. Messages name the device (address or configured name) and the OID,
 * never a community or a passphrase.
 */
public final class SnmpException extends Exception {

  private static final long serialVersionUID = 1L;

  /** What went wrong, for callers that count or react by cause. */
  public enum Kind {
    /** No response within the target's timeout after all retries (also a wrong v2c community). */
    TIMEOUT,
    /**
     * Access refused otherwise: an {@code authorizationError}, or an SNMPv3 report of no kind
     * below.
     */
    AUTH,
    /** SNMPv3: the agent does not know the user name (usmStatsUnknownUserNames). */
    UNKNOWN_USER,
    /** SNMPv3: the agent does not accept its engine ID as given (usmStatsUnknownEngineIDs). */
    UNKNOWN_ENGINE_ID,
    /** SNMPv3: wrong authentication passphrase or protocol (usmStatsWrongDigests). */
    WRONG_DIGEST,
    /** SNMPv3: wrong privacy passphrase or protocol (usmStatsDecryptionErrors). */
    DECRYPTION_ERROR,
    /** SNMPv3: security level not allowed for this user (usmStatsUnsupportedSecLevels). */
    UNSUPPORTED_SECURITY_LEVEL,
    /** The agent has no such object or instance where one was required. */
    NO_SUCH,
    /** The agent's view ended where a value was required. */
    END_OF_MIB,
    /** A value of another type than the MIB defines where one was required. */
    WRONG_TYPE,
    /** A walk response did not move past the OID asked for: a broken or looping agent. */
    NON_INCREASING_OID,
    /** A walk returned more rows than its limit allows. */
    TOO_MANY_ROWS,
    /** A walk took longer than its limit allows. */
    WALK_TIMEOUT,
    /** The agent answered with a non-zero error-status (tooBig, genErr, authorizationError…). */
    ERROR_STATUS,
    /** The local socket failed, or the address could not be resolved. */
    TRANSPORT
  }

  private final Kind kind;

  public SnmpException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public SnmpException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The same failure with a prefix naming the device, e.g. {@code device R1: }. */
  public SnmpException withContext(String prefix) {
    return new SnmpException(kind, prefix + getMessage(), this);
  }
}
