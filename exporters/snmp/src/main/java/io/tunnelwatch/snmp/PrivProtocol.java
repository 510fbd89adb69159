package io.tunnelwatch.snmp;

/**
 * SNMPv3 USM privacy protocols. {@code AES192_3DES_KEY_EXTENSION} and {@code
 * AES256_3DES_KEY_EXTENSION} are Cisco's variants (key extended as for 3DES, not as in the
 * Blumenthal draft) that IOS uses for {@code aes 192} / {@code aes 256}. DES is weak and is only
 * registered when a user asks for it.
 */
public enum PrivProtocol {
  DES,
  AES128,
  AES192,
  AES256,
  AES192_3DES_KEY_EXTENSION,
  AES256_3DES_KEY_EXTENSION
}
