package io.tunnelwatch.ios.model;

import java.util.OptionalLong;

/**
 * Counters of one interface as {@code show interfaces} prints them.
 *
 * @param inputPackets {@code N packets input}
 * @param inputBytes {@code N bytes} on the same line
 * @param inputErrors {@code N input errors}
 * @param outputPackets {@code N packets output}
 * @param outputBytes {@code N bytes} on the same line
 * @param outputErrors {@code N output errors}
 * @param inputQueueDrops the drops field of {@code Input queue: s/m/d/f}
 * @param inputQueueFlushes the flushes field of the same line
 * @param totalOutputDrops {@code Total output drops: N}
 */
public record InterfaceStatistics(
    OptionalLong inputPackets,
    OptionalLong inputBytes,
    OptionalLong inputErrors,
    OptionalLong outputPackets,
    OptionalLong outputBytes,
    OptionalLong outputErrors,
    OptionalLong inputQueueDrops,
    OptionalLong inputQueueFlushes,
    OptionalLong totalOutputDrops) {}
