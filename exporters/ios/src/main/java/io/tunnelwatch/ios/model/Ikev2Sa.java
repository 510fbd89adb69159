package io.tunnelwatch.ios.model;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One SA of {@code show crypto ikev2 sa [detailed]}. IKEv2 tables name the sides ({@code Local},
 * {@code Remote}), so unlike {@link IsakmpSa} there is no direction to guess.
 *
 * @param family section the SA came from ({@code IPv4 Crypto IKEv2 SA} or {@code IPv6 ...})
 * @param tunnelId {@code Tunnel-id}
 * @param localAddress {@code Local} without the port
 * @param localPort the {@code /500} or {@code /4500} suffix of {@code Local}
 * @param remoteAddress {@code Remote} without the port
 * @param remotePort the port suffix of {@code Remote}
 * @param frontVrf {@code fvrf} (front-door VRF; {@code none} kept verbatim)
 * @param insideVrf {@code ivrf}
 * @param status {@code READY}, {@code IN-NEG}, {@code DELETE} and the like, verbatim
 * @param encryption {@code Encr}, e.g. {@code AES-CBC}
 * @param keySize {@code keysize} in bits
 * @param prf {@code PRF}
 * @param hash {@code Hash}
 * @param dhGroup {@code DH Grp}
 * @param authSign {@code Auth sign}
 * @param authVerify {@code Auth verify}
 * @param lifetimeSeconds the configured lifetime of {@code Life/Active Time}
 * @param activeSeconds how long the SA has existed, from {@code Life/Active Time}
 * @param lifetimeRemainingSeconds lifetime minus active time, never negative
 * @param ceId {@code CE id}
 * @param sessionId {@code Session-id}
 * @param localSpi {@code Local spi} (hex, verbatim)
 * @param remoteSpi {@code Remote spi}
 * @param statusDescription detail {@code Status Description}, e.g. {@code Negotiation done}
 * @param localId detail {@code Local id}
 * @param remoteId detail {@code Remote id}
 * @param pqcKeyExchange {@code PQC Key Exchange}, e.g. {@code ML-KEM-1024}
 * @param initiator detail {@code Initiator of SA : Yes|No}
 */
public record Ikev2Sa(
    AddressFamily family,
    long tunnelId,
    String localAddress,
    OptionalInt localPort,
    String remoteAddress,
    OptionalInt remotePort,
    Optional<String> frontVrf,
    Optional<String> insideVrf,
    String status,
    Optional<String> encryption,
    OptionalInt keySize,
    Optional<String> prf,
    Optional<String> hash,
    OptionalInt dhGroup,
    Optional<String> authSign,
    Optional<String> authVerify,
    OptionalLong lifetimeSeconds,
    OptionalLong activeSeconds,
    OptionalLong lifetimeRemainingSeconds,
    OptionalLong ceId,
    OptionalLong sessionId,
    Optional<String> localSpi,
    Optional<String> remoteSpi,
    Optional<String> statusDescription,
    Optional<String> localId,
    Optional<String> remoteId,
    Optional<String> pqcKeyExchange,
    Optional<Boolean> initiator) {}
