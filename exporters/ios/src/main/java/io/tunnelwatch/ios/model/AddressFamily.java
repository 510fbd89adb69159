package io.tunnelwatch.ios.model;

/** The {@code IPv4 Crypto ISAKMP SA} / {@code IPv6 Crypto ISAKMP SA} section a row came from. */
public enum AddressFamily {
  IPV4,
  IPV6
}
