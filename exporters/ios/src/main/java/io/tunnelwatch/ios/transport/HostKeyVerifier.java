package io.tunnelwatch.ios.transport;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.jspecify.annotations.Nullable;

/**
 * Checks host keys against one known_hosts file and records on the session why it refused a key, so
 * that the caller can tell a changed key (possible man in the middle) from an unknown one.
 *
 * <p>One instance serves every device that names the same file: MINA parses the file once and
 * parses it again only when it changes, so the heap does not hold one copy per session.
 */
final class HostKeyVerifier extends KnownHostsServerKeyVerifier {

  private static final AttributeKey<String> REJECTION = new AttributeKey<>();

  HostKeyVerifier(Path knownHosts, boolean trustOnFirstUse) {
    super(
        trustOnFirstUse ? AcceptAllServerKeyVerifier.INSTANCE : RejectAllServerKeyVerifier.INSTANCE,
        knownHosts);
  }

  /**
   * Records a reason for every refusal, also for those MINA decides without calling the two methods
   * below (e.g. a known_hosts file it could not read), so that a refused key is never reported as a
   * connection failure.
   */
  @Override
  public boolean verifyServerKey(
      ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
    boolean accepted = super.verifyServerKey(session, remoteAddress, serverKey);
    if (!accepted && rejection(session) == null) {
      session.setAttribute(
          REJECTION, keyOf(serverKey, remoteAddress) + " was not accepted by " + getPath());
    }
    return accepted;
  }

  private static String keyOf(PublicKey key, SocketAddress remoteAddress) {
    return "host key " + KeyUtils.getFingerPrint(key) + " of " + remoteAddress;
  }

  @Override
  protected boolean acceptUnknownHostKey(
      ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
    boolean accepted = super.acceptUnknownHostKey(session, remoteAddress, serverKey);
    if (!accepted) {
      session.setAttribute(
          REJECTION,
          keyOf(serverKey, remoteAddress)
              + " is not in "
              + getPath()
              + " and trust on first use is off");
    }
    return accepted;
  }

  @Override
  public boolean acceptModifiedServerKey(
      ClientSession session,
      SocketAddress remoteAddress,
      KnownHostEntry entry,
      PublicKey expected,
      PublicKey actual) {
    session.setAttribute(
        REJECTION,
        "host key of "
            + remoteAddress
            + " CHANGED: expected "
            + KeyUtils.getFingerPrint(expected)
            + ", got "
            + KeyUtils.getFingerPrint(actual)
            + "; refusing to connect (update "
            + getPath()
            + " only if the device was really replaced)");
    return false;
  }

  /** Why the session's host key was refused, or null when it was not. */
  static @Nullable String rejection(ClientSession session) {
    return session.getAttribute(REJECTION);
  }
}
