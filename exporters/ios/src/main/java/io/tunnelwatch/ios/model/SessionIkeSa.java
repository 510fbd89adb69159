package io.tunnelwatch.ios.model;

import io.tunnelwatch.core.model.IkeVersion;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An {@code IKEv1 SA:} / {@code IKEv2 SA:} / {@code IKE SA:} line of a crypto session, with the
 * {@code Capabilities: connid: lifetime:} line that follows it in the detail form.
 *
 * @param version IKEv1 or IKEv2; classic IOS's unversioned {@code IKE SA} predates IKEv2 and is
 *     IKEv1
 * @param localAddress local IKE address
 * @param localPort local IKE port
 * @param remoteAddress remote IKE address
 * @param remotePort remote IKE port
 * @param status the SA status as printed, e.g. {@code Active} or {@code Inactive}
 * @param capabilities capability codes, e.g. {@code D} or {@code NU} (detail only)
 * @param connId the connection id (detail only)
 * @param lifetimeRemainingSeconds remaining lifetime (detail only)
 */
public record SessionIkeSa(
    IkeVersion version,
    String localAddress,
    int localPort,
    String remoteAddress,
    int remotePort,
    String status,
    Optional<String> capabilities,
    OptionalLong connId,
    OptionalLong lifetimeRemainingSeconds) {

  /** True when IOS calls the SA {@code Active}. */
  public boolean active() {
    return status.equalsIgnoreCase("Active");
  }
}
