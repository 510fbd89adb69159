package io.tunnelwatch.core.counters;

import io.tunnelwatch.core.model.InterfaceCounters;
import io.tunnelwatch.core.model.IpsecCounters;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/** Every router counter the agent exports as a {@code _total} series. */
public enum CounterField {
  TUNNEL_RECEIVE_PACKETS,
  TUNNEL_RECEIVE_BYTES,
  TUNNEL_TRANSMIT_PACKETS,
  TUNNEL_TRANSMIT_BYTES,
  TUNNEL_RECEIVE_ERRORS,
  TUNNEL_TRANSMIT_ERRORS,
  TUNNEL_RECEIVE_DROPS,
  TUNNEL_TRANSMIT_DROPS,
  IPSEC_ENCAPSULATED,
  IPSEC_ENCRYPTED,
  IPSEC_DECAPSULATED,
  IPSEC_DECRYPTED,
  IPSEC_RECEIVE_BYTES,
  IPSEC_TRANSMIT_BYTES,
  IPSEC_SEND_ERRORS,
  IPSEC_RECEIVE_ERRORS,
  IPSEC_REPLAY_ERRORS,
  IPSEC_AUTH_ERRORS,
  IPSEC_DECRYPT_ERRORS,
  IPSEC_ENCRYPT_ERRORS;

  /** The tunnel interface counters by field, in declaration order. */
  static Map<CounterField, OptionalLong> of(InterfaceCounters c) {
    Map<CounterField, OptionalLong> values = new EnumMap<>(CounterField.class);
    values.put(TUNNEL_RECEIVE_PACKETS, c.receivePackets());
    values.put(TUNNEL_RECEIVE_BYTES, c.receiveBytes());
    values.put(TUNNEL_TRANSMIT_PACKETS, c.transmitPackets());
    values.put(TUNNEL_TRANSMIT_BYTES, c.transmitBytes());
    values.put(TUNNEL_RECEIVE_ERRORS, c.receiveErrors());
    values.put(TUNNEL_TRANSMIT_ERRORS, c.transmitErrors());
    values.put(TUNNEL_RECEIVE_DROPS, c.receiveDrops());
    values.put(TUNNEL_TRANSMIT_DROPS, c.transmitDrops());
    return values;
  }

  static InterfaceCounters interfaceCounters(Function<CounterField, OptionalLong> value) {
    return new InterfaceCounters(
        value.apply(TUNNEL_RECEIVE_PACKETS),
        value.apply(TUNNEL_RECEIVE_BYTES),
        value.apply(TUNNEL_TRANSMIT_PACKETS),
        value.apply(TUNNEL_TRANSMIT_BYTES),
        value.apply(TUNNEL_RECEIVE_ERRORS),
        value.apply(TUNNEL_TRANSMIT_ERRORS),
        value.apply(TUNNEL_RECEIVE_DROPS),
        value.apply(TUNNEL_TRANSMIT_DROPS));
  }

  /** The IPsec flow counters by field, in declaration order. */
  static Map<CounterField, OptionalLong> of(IpsecCounters c) {
    Map<CounterField, OptionalLong> values = new EnumMap<>(CounterField.class);
    values.put(IPSEC_ENCAPSULATED, c.encapsulated());
    values.put(IPSEC_ENCRYPTED, c.encrypted());
    values.put(IPSEC_DECAPSULATED, c.decapsulated());
    values.put(IPSEC_DECRYPTED, c.decrypted());
    values.put(IPSEC_RECEIVE_BYTES, c.receiveBytes());
    values.put(IPSEC_TRANSMIT_BYTES, c.transmitBytes());
    values.put(IPSEC_SEND_ERRORS, c.sendErrors());
    values.put(IPSEC_RECEIVE_ERRORS, c.receiveErrors());
    values.put(IPSEC_REPLAY_ERRORS, c.replayErrors());
    values.put(IPSEC_AUTH_ERRORS, c.authErrors());
    values.put(IPSEC_DECRYPT_ERRORS, c.decryptErrors());
    values.put(IPSEC_ENCRYPT_ERRORS, c.encryptErrors());
    return values;
  }

  static IpsecCounters ipsecCounters(Function<CounterField, OptionalLong> value) {
    return new IpsecCounters(
        value.apply(IPSEC_ENCAPSULATED),
        value.apply(IPSEC_ENCRYPTED),
        value.apply(IPSEC_DECAPSULATED),
        value.apply(IPSEC_DECRYPTED),
        value.apply(IPSEC_RECEIVE_BYTES),
        value.apply(IPSEC_TRANSMIT_BYTES),
        value.apply(IPSEC_SEND_ERRORS),
        value.apply(IPSEC_RECEIVE_ERRORS),
        value.apply(IPSEC_REPLAY_ERRORS),
        value.apply(IPSEC_AUTH_ERRORS),
        value.apply(IPSEC_DECRYPT_ERRORS),
        value.apply(IPSEC_ENCRYPT_ERRORS));
  }
}
