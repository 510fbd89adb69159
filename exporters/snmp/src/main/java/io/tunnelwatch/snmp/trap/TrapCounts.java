package io.tunnelwatch.snmp.trap;

/**
 * What a {@link TrapReceiver} has done with the datagrams it got since it started: each counted in
 * {@code received} and in exactly one of the outcomes.
 *
 * @param received every notification that arrived (including those USM rejected)
 * @param accepted handed on as an observation
 * @param unknownSource from an address that is not a configured device: dropped
 * @param badCommunity a v1/v2c community that is not configured, or an SNMPv3 message USM rejected
 *     (unknown user, wrong digest, decryption error): dropped
 * @param unsupported from a configured device, but not a notification tunnelwatch understands (or
 *     not a notification at all)
 * @param rateLimited over the device's or the receiver's rate limit: dropped
 * @param malformed not an SNMP message SNMP4J could decode: dropped
 */
public record TrapCounts(
    long received,
    long accepted,
    long unknownSource,
    long badCommunity,
    long unsupported,
    long rateLimited,
    long malformed) {}
