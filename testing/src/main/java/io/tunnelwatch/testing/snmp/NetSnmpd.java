package io.tunnelwatch.testing.snmp;

import io.tunnelwatch.testing.process.Daemon;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Net-SNMP {@code snmpd}, run in the foreground on a loopback UDP port with a generated
 * configuration and its own persistent directory; stopped by its PID.
 */
public final class NetSnmpd implements AutoCloseable {

  private final Daemon daemon;
  private final int port;

  private NetSnmpd(Daemon daemon, int port) {
    this.daemon = daemon;
    this.port = port;
  }

  /**
   * Starts snmpd with {@code configLines} after an {@code agentaddress} line for {@code port}.
   * Readiness is the caller's to await (it knows the credentials).
   */
  public static NetSnmpd start(Path dir, int port, List<String> configLines) throws IOException {
    Path conf = dir.resolve("snmpd.conf");
    StringBuilder text = new StringBuilder();
    text.append("agentaddress udp:127.0.0.1:").append(port).append('\n');
    configLines.forEach(l -> text.append(l).append('\n'));
    Files.writeString(conf, text, StandardCharsets.UTF_8);
    Path persistent = Files.createDirectories(dir.resolve("persist"));
    Daemon daemon =
        Daemon.start(
            List.of("snmpd", "-f", "-Lo", "-C", "-c", conf.toString()),
            // No MIB files needed: everything is numeric; this keeps the log readable.
            Map.of(
                "SNMP_PERSISTENT_DIR",
                persistent.toString(),
                "MIBS",
                "",
                "MIBDIRS",
                dir.toString()),
            dir.resolve("snmpd.log"));
    return new NetSnmpd(daemon, port);
  }

  public int port() {
    return port;
  }

  public boolean alive() {
    return daemon.alive();
  }

  public String log() {
    return daemon.logText();
  }

  @Override
  public void close() {
    daemon.close();
  }
}
