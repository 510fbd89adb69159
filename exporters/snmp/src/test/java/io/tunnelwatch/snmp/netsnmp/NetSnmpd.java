package io.tunnelwatch.snmp.netsnmp;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Net-SNMP {@code snmpd}, run in the foreground on a free loopback UDP port with a
 * generated configuration and its own persistent directory; stopped by its PID.
 */
final class NetSnmpd implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path log;

  private NetSnmpd(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /** The pass_persist helper, copied out of the test resources into {@code dir}. */
  static Path passPersistScript(Path dir) throws IOException {
    Path script = dir.resolve("pass-persist-table.pl");
    try (InputStream in = NetSnmpd.class.getResourceAsStream("/pass-persist-table.pl")) {
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    return script;
  }

  static int freeUdpPort() throws IOException {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /**
   * Starts snmpd with {@code configLines} after an {@code agentaddress} line for {@code port}.
   * Readiness is the caller's to await (it knows the credentials).
   */
  static NetSnmpd start(Path dir, int port, List<String> configLines) throws IOException {
    Path conf = dir.resolve("snmpd.conf");
    StringBuilder text = new StringBuilder();
    text.append("agentaddress udp:127.0.0.1:").append(port).append('\n');
    configLines.forEach(l -> text.append(l).append('\n'));
    Files.writeString(conf, text, StandardCharsets.UTF_8);
    Path persistent = Files.createDirectories(dir.resolve("persist"));
    Path log = dir.resolve("snmpd.log");
    ProcessBuilder builder =
        new ProcessBuilder("/usr/sbin/snmpd", "-f", "-Lo", "-C", "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("SNMP_PERSISTENT_DIR", persistent.toString());
    // No MIB files needed: everything is numeric; this keeps the log readable.
    builder.environment().put("MIBS", "");
    builder.environment().put("MIBDIRS", dir.toString());
    return new NetSnmpd(builder.start(), port, log);
  }

  int port() {
    return port;
  }

  boolean alive() {
    return process.isAlive();
  }

  String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      await().atMost(Duration.ofSeconds(5)).until(() -> !process.isAlive());
    }
  }
}
