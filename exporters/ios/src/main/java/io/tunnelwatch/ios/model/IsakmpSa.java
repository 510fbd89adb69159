package io.tunnelwatch.ios.model;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One row of {@code show crypto isakmp sa [detail]} (IKEv1).
 *
 * <p>The plain table's {@code dst}/{@code src} columns follow the direction of the exchange that
 * created the SA: on the responder, {@code dst} is the router's own address. Only the detail
 * table's {@code Local}/{@code Remote} columns say which side is which; {@link #sidesKnown()} tells
 * the two apart.
 *
 * @param family section the row came from
 * @param destination plain {@code dst}, or detail {@code Remote}
 * @param source plain {@code src}, or detail {@code Local}
 * @param sidesKnown true for detail rows, whose destination is known to be the remote side
 * @param state the IKE state, e.g. {@code QM_IDLE} or {@code MM_NO_STATE} (plain table only)
 * @param connId plain {@code conn-id} or detail {@code C-id}
 * @param slot the classic {@code slot} column
 * @param status {@code ACTIVE} and the like, without a {@code (deleted)} mark
 * @param deleted true when the status carries {@code (deleted)}
 * @param insideVrf detail {@code I-VRF}
 * @param encryption detail {@code Encr}
 * @param hash detail {@code Hash}
 * @param authentication detail {@code Auth}
 * @param dhGroup detail {@code DH}
 * @param lifetimeRemainingSeconds detail {@code Lifetime} (hh:mm:ss)
 * @param capabilities detail {@code Cap.}
 * @param engineId detail {@code Engine-id}, e.g. {@code SW}
 * @param engineConnId detail engine {@code Conn-id}
 */
public record IsakmpSa(
    AddressFamily family,
    String destination,
    String source,
    boolean sidesKnown,
    Optional<String> state,
    OptionalLong connId,
    OptionalInt slot,
    Optional<String> status,
    boolean deleted,
    Optional<String> insideVrf,
    Optional<String> encryption,
    Optional<String> hash,
    Optional<String> authentication,
    OptionalInt dhGroup,
    OptionalLong lifetimeRemainingSeconds,
    Optional<String> capabilities,
    Optional<String> engineId,
    OptionalLong engineConnId) {}
