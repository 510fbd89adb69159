package io.tunnelwatch.lab.sim;

import java.time.Duration;

/**
 * An IKEv1 phase-1 policy ({@code crypto isakmp policy N}).
 *
 * @param encryption the short name {@code show crypto isakmp sa detail} prints ({@code aes})
 * @param keyBits AES key length
 * @param hash {@code sha}
 * @param authentication {@code psk} for pre-share
 * @param dhGroup Diffie-Hellman group
 * @param lifetime IKE SA lifetime
 */
public record IsakmpPolicy(
    int priority,
    String encryption,
    int keyBits,
    String hash,
    String authentication,
    int dhGroup,
    Duration lifetime) {}
