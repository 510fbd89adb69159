package io.tunnelwatch.snmp.transport;

import io.tunnelwatch.snmp.AuthProtocol;
import io.tunnelwatch.snmp.PrivProtocol;
import io.tunnelwatch.snmp.SnmpCredentials;
import java.io.IOException;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.TransportMapping;
import org.snmp4j.event.CounterListener;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.MessageProcessingModel;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.security.nonstandard.PrivAES192With3DESKeyExtension;
import org.snmp4j.security.nonstandard.PrivAES256With3DESKeyExtension;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.util.PDUFactory;

/**
 * One SNMP4J engine with its own USM, security protocols and counters. SNMP4J's singletons ({@code
 * SecurityProtocols.getInstance()}, {@code SecurityModels.getInstance()}) are left untouched, so
 * two engines in one JVM (the poller and the trap receiver, or tests) cannot see each other's
 * users.
 */
public final class Snmp4jStack implements AutoCloseable {

  private final SecurityProtocols protocols;
  private final USM usm;
  private final CounterSupport counters;
  private final MessageDispatcherImpl dispatcher;
  private final Snmp snmp;

  /**
   * Builds an engine over {@code transport}; call {@link Snmp#listen()} through {@link #snmp()}.
   */
  public Snmp4jStack(TransportMapping<?> transport) {
    this.protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
    // SHA-1 is not in SNMP4J's default set any more, but it is what most IOS configs use.
    protocols.addAuthenticationProtocol(new AuthMD5());
    protocols.addAuthenticationProtocol(new AuthSHA());
    protocols.addAuthenticationProtocol(new AuthHMAC128SHA224());
    protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
    protocols.addAuthenticationProtocol(new AuthHMAC256SHA384());
    protocols.addAuthenticationProtocol(new AuthHMAC384SHA512());
    protocols.addPrivacyProtocol(new PrivAES128());
    protocols.addPrivacyProtocol(new PrivAES192());
    protocols.addPrivacyProtocol(new PrivAES256());
    protocols.addPrivacyProtocol(new PrivAES192With3DESKeyExtension());
    protocols.addPrivacyProtocol(new PrivAES256With3DESKeyExtension());
    this.counters = new CounterSupport();
    OctetString localEngineId = new OctetString(MPv3.createLocalEngineID());
    this.usm = new USM(protocols, localEngineId, 0, counters);
    SecurityModels models = new SecurityModels();
    models.addSecurityModel(usm);
    this.dispatcher = new MessageDispatcherImpl();
    dispatcher.addMessageProcessingModel(new MPv1());
    dispatcher.addMessageProcessingModel(new MPv2c());
    dispatcher.addMessageProcessingModel(
        new MPv3(localEngineId.getValue(), new ScopedPduFactory(), protocols, models, counters));
    this.snmp = new Snmp(dispatcher, transport);
  }

  public Snmp snmp() {
    return snmp;
  }

  public USM usm() {
    return usm;
  }

  public CounterSupport counters() {
    return counters;
  }

  /**
   * Hears every counter of this engine: USM's and MPv3's (through {@link #counters()}) and the
   * message dispatcher's, which counts messages it cannot parse at all.
   */
  public void addCounterListener(CounterListener listener) {
    counters.addCounterListener(listener);
    dispatcher.addCounterListener(listener);
  }

  SecurityProtocols protocols() {
    return protocols;
  }

  /** SNMP4J's privacy protocol ID, registering DES only now that a user asks for it. */
  OID privacyOid(PrivProtocol priv) {
    if (priv == PrivProtocol.DES) {
      protocols.addPrivacyProtocol(new PrivDES());
    }
    return privOid(priv);
  }

  /** SNMP4J's user for our credentials; registers DES only now that a user asks for it. */
  public UsmUser toUsmUser(SnmpCredentials.UsmUser user) {
    OID authProtocol = null;
    OctetString authPass = null;
    OID privProtocol = null;
    OctetString privPass = null;
    if (user.authentication().isPresent()) {
      authProtocol = authOid(user.authentication().get().protocol());
      authPass = new OctetString(user.authentication().get().passphrase());
    }
    if (user.privacy().isPresent()) {
      PrivProtocol priv = user.privacy().get().protocol();
      if (priv == PrivProtocol.DES) {
        protocols.addPrivacyProtocol(new PrivDES());
      }
      privProtocol = privOid(priv);
      privPass = new OctetString(user.privacy().get().passphrase());
    }
    return new UsmUser(
        new OctetString(user.userName()), authProtocol, authPass, privProtocol, privPass);
  }

  /** SNMP4J's security level for a user. */
  public static int securityLevel(SnmpCredentials.UsmUser user) {
    if (user.privacy().isPresent()) {
      return SecurityLevel.AUTH_PRIV;
    }
    return user.authentication().isPresent()
        ? SecurityLevel.AUTH_NOPRIV
        : SecurityLevel.NOAUTH_NOPRIV;
  }

  static OID authOid(AuthProtocol protocol) {
    switch (protocol) {
      case MD5:
        return AuthMD5.ID;
      case SHA:
        return AuthSHA.ID;
      case SHA224:
        return AuthHMAC128SHA224.ID;
      case SHA256:
        return AuthHMAC192SHA256.ID;
      case SHA384:
        return AuthHMAC256SHA384.ID;
      case SHA512:
        return AuthHMAC384SHA512.ID;
      default:
        throw new IllegalArgumentException("unsupported authentication protocol " + protocol);
    }
  }

  static OID privOid(PrivProtocol protocol) {
    switch (protocol) {
      case DES:
        return PrivDES.ID;
      case AES128:
        return PrivAES128.ID;
      case AES192:
        return PrivAES192.ID;
      case AES256:
        return PrivAES256.ID;
      case AES192_3DES_KEY_EXTENSION:
        return PrivAES192With3DESKeyExtension.ID;
      case AES256_3DES_KEY_EXTENSION:
        return PrivAES256With3DESKeyExtension.ID;
      default:
        throw new IllegalArgumentException("unsupported privacy protocol " + protocol);
    }
  }

  @Override
  public void close() throws IOException {
    snmp.close();
  }

  /** Incoming v3 messages carry scoped PDUs; MPv3 needs a factory for them. */
  private static final class ScopedPduFactory implements PDUFactory {
    @Override
    public org.snmp4j.PDU createPDU(Target<?> target) {
      return new ScopedPDU();
    }

    @Override
    public org.snmp4j.PDU createPDU(MessageProcessingModel model) {
      return new ScopedPDU();
    }
  }
}
