package io.tunnelwatch.agent.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class ParseCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int parse(String command, String file) {
    CommandLine cli = new CommandLine(new TunnelwatchCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute("parse", "--command", command, file);
  }

  private int parseStdin(String command, String text) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    try {
      return parse(command, "-");
    } finally {
      System.setIn(saved);
    }
  }

  private Path sampleFile(String name) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, sample(name));
    return file;
  }

  private static String sample(String name) {
    try (InputStream in = ParseCommandTest.class.getResourceAsStream("/samples/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode json() throws IOException {
    return new ObjectMapper().readTree(out.toString());
  }

  /** command | sample | a JSON pointer into the result | the value expected there. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "show crypto session detail | r1-crypto-session-detail.txt | /0/status | UP-ACTIVE",
        "sh cry sess det            | r1-crypto-session-detail.txt | /0/peer_port | 500",
        "show crypto isakmp sa      | r1-isakmp-sa.txt | /0/conn_id | 1001",
        "sh cry isa sa              | r1-isakmp-sa.txt | /0/state | QM_IDLE",
        "show crypto ikev2 sa       | r1-ikev2-sa.txt | /0/lifetime_remaining_seconds | 85665",
        "sh cry ikev2 sa det        | r1-ikev2-sa.txt | /0/remote_address | 200.0.0.1",
        "show crypto ipsec sa       | r1-ipsec-sa.txt | /0/local_address | 100.0.0.1",
        "sh cry ips sa              | r1-ipsec-sa.txt | /0/crypto_map_tag | CMAP",
        "show interfaces Tunnel10   | r1-interfaces.txt | /0/name | Tunnel10",
        "sh int                     | r1-interfaces.txt | /0/statistics/total_output_drops | 7",
        "show processes cpu | r1-cpu.txt | /total/five_seconds_percent | 12",
        "sh proc cpu                | r1-cpu.txt | /total/one_minute_percent | 9",
      })
  void parsesFilesAndStdinOfEveryFamily(String command, String sample, String pointer, String want)
      throws IOException {
    int exit = parse(command, sampleFile(sample).toString());

    assertThat(exit).as(err.toString()).isZero();
    JsonNode fromFile = json();
    assertThat(fromFile.at("/result" + pointer).asText()).isEqualTo(want);
    assertThat(fromFile.get("warnings").isArray()).isTrue();
    assertThat(err.toString()).isEmpty();

    out.getBuffer().setLength(0);
    assertThat(parseStdin(command, sample(sample))).as(err.toString()).isZero();
    assertThat(json().get("result")).isEqualTo(fromFile.get("result"));
  }

  @Test
  void anOutputFilterAfterThePipeIsAccepted() throws IOException {
    String command = "show processes cpu | include CPU utilization";

    assertThat(parse(command, sampleFile("r1-cpu.txt").toString())).isZero();

    assertThat(json().get("command").asText()).isEqualTo(command);
    assertThat(json().at("/result/total/five_minutes_percent").asInt()).isEqualTo(7);
  }

  @Test
  void aCounterAbove2To32IsAnExactJsonNumber() throws IOException {
    assertThat(parse("show interfaces", sampleFile("r1-interfaces.txt").toString())).isZero();

    JsonNode packets = json().at("/result/0/statistics/input_packets");
    assertThat(packets.isIntegralNumber()).isTrue();
    assertThat(packets.asLong()).isEqualTo(5_123_456_789L).isGreaterThan(1L << 32);
    assertThat(out.toString()).contains("\"input_packets\" : 5123456789,");
    assertThat(json().at("/result/0/statistics/input_bytes").asLong()).isEqualTo(712_345_678_901L);
  }

  @Test
  void emptyOptionalsAreLeftOutAndNamesAreSnakeCase() throws IOException {
    assertThat(parse("show crypto ikev2 sa", sampleFile("r1-ikev2-sa.txt").toString())).isZero();

    JsonNode sa = json().at("/result/0");
    assertThat(sa.has("session_id")).isFalse();
    assertThat(sa.has("local_spi")).isFalse();
    assertThat(sa.get("tunnel_id").isIntegralNumber()).isTrue();
    assertThat(sa.get("key_size").asInt()).isEqualTo(256);
    assertThat(sa.get("front_vrf").asText()).isEqualTo("none");
  }

  @Test
  void warningsAreListed() throws IOException {
    String text =
        "IPv4 Crypto IKEv2 SA\nTunnel-id Local Remote fvrf/ivrf Status\n"
            + "1 10.1.1.1/500 10.2.2.2/500 none/none READY\nSomething new: 42\n";

    assertThat(parseStdin("show crypto ikev2 sa", text)).isZero();

    JsonNode warning = json().at("/warnings/0");
    assertThat(warning.get("line_number").asInt()).isEqualTo(4);
    assertThat(warning.get("line").asText()).isEqualTo("Something new: 42");
    assertThat(warning.get("reason").asText()).contains("unrecognised");
  }

  @Test
  void invalidInputExitsOneWithTheReasonAndLine() {
    String text = "R1#show crypto isakmp sa\n         ^\n% Invalid input detected at '^' marker.\n";

    int exit = parseStdin("show crypto isakmp sa", text);

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString().strip())
        .isEqualTo(
            "tunnelwatch parse: show crypto isakmp sa: IOS rejected the command: "
                + "'% Invalid input detected at '^' marker.' (line 3)");
  }

  @Test
  void unrelatedTextExitsOne() {
    assertThat(parseStdin("show crypto ikev2 sa", "Tunnel10 is up, line protocol is up\n"))
        .isEqualTo(1);
    assertThat(err.toString()).startsWith("tunnelwatch parse: show crypto ikev2 sa: not ");
  }

  @Test
  void aMissingFileExitsOne() {
    assertThat(parse("show interfaces", dir.resolve("nope.txt").toString())).isEqualTo(1);
    assertThat(err.toString()).contains("no such file");
  }

  @ParameterizedTest
  @CsvSource({"show crypto pki certificates", "show crypto isakmp sa count", "s cry isa sa", "''"})
  void anUnknownCommandExitsTwoListingTheSupportedOnes(String command) {
    int exit = parseStdin(command, "anything\n");

    assertThat(exit).isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString())
        .contains("unsupported command")
        .contains("show crypto session")
        .contains("show crypto ikev2 sa [detailed]")
        .contains("show processes cpu");
  }

  @Test
  void aLatinOneByteIsReplacedAndCountedNotFatal() throws IOException {
    byte[] text =
        (sample("r1-isakmp-sa.txt") + "caf\u00e9 \u00e9t\u00e9\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    Path file = Files.write(dir.resolve("latin1.txt"), text);

    int exit = parse("show crypto isakmp sa", file.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(json().at("/result/0/conn_id").asInt()).isEqualTo(1001);
    assertThat(json().at("/warnings/0/reason").asText())
        .isEqualTo("3 invalid UTF-8 byte sequence(s) replaced with U+FFFD");
    assertThat(json().at("/warnings/1/line").asText()).isEqualTo("caf\ufffd \ufffdt\ufffd");
  }

  @Test
  void validUtf8AndItsOwnReplacementCharacterAreNotCounted() {
    BoundedInput.Text text =
        BoundedInput.decode("R1 \u00e9 \ufffd \ud83d\ude00".getBytes(StandardCharsets.UTF_8));

    assertThat(text.replaced()).isZero();
    assertThat(text.text()).isEqualTo("R1 \u00e9 \ufffd \ud83d\ude00");
  }

  @Test
  void endlessStdinIsReadOnlyUpToTheBound() {
    AtomicLong served = new AtomicLong();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            served.incrementAndGet();
            return 'x';
          }

          @Override
          public int read(byte[] b, int off, int len) {
            Arrays.fill(b, off, off + len, (byte) 'x');
            served.addAndGet(len);
            return len;
          }
        };
    InputStream saved = System.in;
    System.setIn(endless);
    int exit;
    try {
      exit = parse("show crypto isakmp sa", "-");
    } finally {
      System.setIn(saved);
    }

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().strip())
        .isEqualTo(
            "tunnelwatch parse: cannot read -: larger than 64 MiB; split it (parse reads at most"
                + " that much)");
    assertThat(served.get())
        .isBetween((long) BoundedInput.MAX_BYTES, BoundedInput.MAX_BYTES + 65_536L);
  }

  @Test
  void aFileOverTheBoundIsRefused() throws IOException {
    Path big = dir.resolve("big.txt");
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
      file.setLength(BoundedInput.MAX_BYTES + 1L);
    }

    assertThat(parse("show crypto isakmp sa", big.toString())).isEqualTo(1);
    assertThat(err.toString()).contains("cannot read " + big + ": larger than 64 MiB");
  }
}
