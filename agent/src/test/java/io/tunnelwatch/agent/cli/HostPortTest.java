package io.tunnelwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** {@code HOST:PORT} options ({@code --listen}). */
class HostPortTest {

  @Test
  void readsHostAndPortForms() {
    InetSocketAddress plain = HostPort.parse("127.0.0.1:2280");
    assertThat(plain.getHostString()).isEqualTo("127.0.0.1");
    assertThat(plain.getPort()).isEqualTo(2280);
    InetSocketAddress v6 = HostPort.parse("[::1]:0");
    assertThat(v6.getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(v6.getPort()).isZero();
    InetSocketAddress everywhere = HostPort.parse(":9000");
    assertThat(everywhere.getAddress().isAnyLocalAddress()).isTrue();
    assertThat(HostPort.format(HostPort.parse("127.0.0.1:2280"))).isEqualTo("127.0.0.1:2280");
  }

  @Test
  void badFormsNameWhatWasExpected() {
    assertThatThrownBy(() -> HostPort.parse("localhost"))
        .hasMessage("expected HOST:PORT (e.g. 127.0.0.1:2280), got 'localhost'");
    assertThatThrownBy(() -> HostPort.parse("localhost:http"))
        .hasMessage(
            "expected HOST:PORT with a numeric port (e.g. 127.0.0.1:2280), got 'localhost:http'");
    assertThatThrownBy(() -> HostPort.parse("127.0.0.1:70000"))
        .hasMessage("expected a port from 0 to 65535 in HOST:PORT, got '127.0.0.1:70000'");
  }
}
