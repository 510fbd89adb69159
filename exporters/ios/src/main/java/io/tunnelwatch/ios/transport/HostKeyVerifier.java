package io.tunnelwatch.ios.transport;

import java.net.SocketAddress;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.jspecify.annotations.Nullable;

/**
 * Checks one device's host key against its known_hosts file and remembers why it refused a key, so
 * that the caller can tell a changed key (possible man in the middle) from an unknown one.
 */
final class HostKeyVerifier extends KnownHostsServerKeyVerifier {

  private final AtomicReference<@Nullable String> rejection = new AtomicReference<>();

  HostKeyVerifier(Path knownHosts, boolean trustOnFirstUse) {
    super(
        trustOnFirstUse ? AcceptAllServerKeyVerifier.INSTANCE : RejectAllServerKeyVerifier.INSTANCE,
        knownHosts);
  }

  @Override
  protected boolean acceptUnknownHostKey(
      ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
    boolean accepted = super.acceptUnknownHostKey(session, remoteAddress, serverKey);
    if (!accepted) {
      rejection.set(
          "host key "
              + KeyUtils.getFingerPrint(serverKey)
              + " of "
              + remoteAddress
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
    rejection.set(
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

  /** Why the last key was refused, or null when none was. */
  @Nullable String rejection() {
    return rejection.get();
  }
}
