package io.tunnelwatch.ios.model;

import java.util.OptionalLong;

/**
 * One direction of a crypto-session flow: {@code #pkts dec'ed N drop N life (KB/Sec) a/b} or its
 * {@code enc'ed} twin.
 *
 * @param packets packets decrypted (inbound) or encrypted (outbound)
 * @param drops packets dropped
 * @param lifeKilobytes remaining volume lifetime; empty when IOS prints {@code KB Vol Rekey
 *     Disabled}
 * @param lifeSeconds remaining time lifetime
 */
public record SessionFlowDirection(
    long packets, long drops, OptionalLong lifeKilobytes, OptionalLong lifeSeconds) {}
