package io.tunnelwatch.ios.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class SshConnectorMessagesTest {

  @Test
  void aPeersTextInALibraryMessageIsEscapedAndCut() {
    // what MINA puts in an exception when the peer's identification line or disconnect reason is
    // odd
    IOException fromPeer =
        new IOException(
            "Received SSH_MSG_DISCONNECT: \u001b[2Jbye\r\n2026-01-01 INFO forged\u0000"
                + "y".repeat(10_000));

    String message = SshConnector.rootMessage(new IOException("wrapper", fromPeer));

    assertThat(message)
        .startsWith(
            "Received SSH_MSG_DISCONNECT: \\x1b[2Jbye\\x0d\\x0a2026-01-01 INFO forged\\x00y")
        .endsWith(" more)")
        .doesNotContain("\n", "\r", "\u001b", "\u0000")
        .hasSizeLessThan(230);
  }

  @Test
  void aCauseWithoutMessageIsNamedByItsClass() {
    assertThat(SshConnector.rootMessage(new IOException("outer", new IllegalStateException())))
        .isEqualTo("IllegalStateException");
  }
}
