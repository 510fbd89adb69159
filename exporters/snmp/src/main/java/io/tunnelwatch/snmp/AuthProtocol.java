package io.tunnelwatch.snmp;

/** SNMPv3 USM authentication protocols (RFC 3414, RFC 7860). */
public enum AuthProtocol {
  MD5,
  SHA,
  SHA224,
  SHA256,
  SHA384,
  SHA512
}
