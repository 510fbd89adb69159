package io.tunnelwatch.ios;

/**
 * The raw outputs of one SSH poll; a null field means the command was not collected.
 *
 * @param cryptoSessionDetail {@code show crypto session detail} (the plain form works too)
 * @param isakmpSaDetail {@code show crypto isakmp sa detail} (the plain form works too)
 * @param ipsecSa {@code show crypto ipsec sa}
 * @param interfaces {@code show interfaces} or {@code show interfaces TunnelN}
 * @param processesCpu {@code show processes cpu | include CPU utilization}
 */
public record CliOutputs(
    String cryptoSessionDetail,
    String isakmpSaDetail,
    String ipsecSa,
    String interfaces,
    String processesCpu) {}
