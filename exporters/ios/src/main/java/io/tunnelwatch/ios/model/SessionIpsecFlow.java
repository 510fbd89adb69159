package io.tunnelwatch.ios.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * An {@code IPSEC FLOW:} entry of a crypto session.
 *
 * @param acl the flow's access-list entry as printed, e.g. {@code permit 47 host 100.0.0.1 host
 *     200.0.0.1}
 * @param activeSas the {@code Active SAs:} count
 * @param origin the {@code origin:}, e.g. {@code crypto map}
 * @param inbound the {@code Inbound:} counters (detail only)
 * @param outbound the {@code Outbound:} counters (detail only)
 */
public record SessionIpsecFlow(
    String acl,
    OptionalInt activeSas,
    Optional<String> origin,
    Optional<SessionFlowDirection> inbound,
    Optional<SessionFlowDirection> outbound) {}
