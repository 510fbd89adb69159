package io.tunnelwatch.ios.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tunnelwatch.ios.parse.CryptoSessionParser;
import io.tunnelwatch.ios.parse.Ikev2SaParser;
import io.tunnelwatch.ios.parse.InterfacesParser;
import io.tunnelwatch.ios.parse.IpsecSaParser;
import io.tunnelwatch.ios.parse.IsakmpSaParser;
import io.tunnelwatch.ios.parse.ParseWarning;
import io.tunnelwatch.ios.parse.Parsed;
import io.tunnelwatch.ios.parse.ProcessesCpuParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Parses every corpus sample of the commands tunnelwatch reads and compares the fields both parses
 * describe with the upstream expectation. Where upstream is known to be wrong, the comparators say
 * so at the spot where they skip or adapt (search for "upstream").
 */
class CorpusConformanceTest {

  /** Command class → comparator. */
  private static final Map<String, Comparator> CLASSES =
      Map.ofEntries(
          Map.entry("ShowCryptoSession", CryptoSessionConformance::compare),
          Map.entry("ShowCryptoSessionDetail", CryptoSessionConformance::compare),
          Map.entry("ShowCryptoSessionRemote", CryptoSessionConformance::compare),
          Map.entry("ShowCryptoSessionRemoteDetail", CryptoSessionConformance::compare),
          Map.entry("ShowCryptoSessionInterfaceDetail", CryptoSessionConformance::compare),
          Map.entry("ShowCryptoIsakmpSa", IsakmpConformance::compare),
          Map.entry("ShowCryptoIsakmpSaDetail", IsakmpConformance::compare),
          Map.entry("ShowCryptoIkev2Sa", Ikev2Conformance::compare),
          Map.entry("ShowCryptoIkev2SaDetail", Ikev2Conformance::compare),
          Map.entry("ShowCryptoIpsecSa", IpsecConformance::compare),
          Map.entry("ShowCryptoIpsecSaDetail", IpsecConformance::compare),
          Map.entry("ShowCryptoIpsecSaInterface", IpsecConformance::compare),
          Map.entry("ShowCryptoIpsecSaPeer", IpsecConformance::compare),
          Map.entry("ShowCryptoIpsecSaPeerDetail", IpsecConformance::compare),
          Map.entry("ShowInterfaces", InterfacesConformance::compare),
          Map.entry("ShowProcessesCpu", CpuConformance::compare),
          Map.entry("ShowProcessesCpuSorted", CpuConformance::compare));

  /**
   * Samples whose raw text has lines no parser should accept, each warned about once. Every other
   * sample must parse without a warning.
   */
  private static final Map<String, String> EXPECTED_WARNINGS =
      Map.of(
          // upstream sanitised the engine conn-id to "????"
          "genie-iosxe/ShowCryptoIsakmpSaDetail/golden_output_isakmp", "Engine-id:Conn-id",
          // a truncated line ("sa timing: remaining key lifetime" lost; only "ekey ..." is left)
          "genie-iosxe/ShowCryptoIpsecSaInterface/golden_output_2", "ekey has been disabled",
          // the capture tool's own log line and command echo precede the output
          "genie-iosxe/ShowInterfaces/golden_interface_output_3", "executing command");

  private static final Map<String, Function<String, Parsed<?>>> PARSERS =
      Map.of(
          "ShowCryptoSession", CryptoSessionParser::parse,
          "ShowCryptoIsakmpSa", IsakmpSaParser::parse,
          "ShowCryptoIkev2Sa", Ikev2SaParser::parse,
          "ShowCryptoIpsecSa", IpsecSaParser::parse,
          "ShowInterfaces", InterfacesParser::parse,
          "ShowProcessesCpu", ProcessesCpuParser::parse);

  private static final ObjectMapper JSON = new ObjectMapper();

  @FunctionalInterface
  interface Comparator {
    void compare(JsonNode expected, String raw, Mismatches mismatches);
  }

  @Test
  void corpusIsPresentAndComplete() {
    // a silently shrunken corpus would make the factory below pass vacuously
    for (String commandClass : CLASSES.keySet()) {
      assertThat(Corpus.outputs(commandClass)).as(commandClass + " samples").isNotEmpty();
    }
  }

  @TestFactory
  Stream<DynamicTest> everySampleMatchesItsExpectation() {
    return CLASSES.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .flatMap(
            entry ->
                Corpus.outputs(entry.getKey()).stream()
                    .map(
                        output ->
                            DynamicTest.dynamicTest(
                                Corpus.sampleName(output), () -> check(output, entry.getValue()))));
  }

  private static void check(Path output, Comparator comparator) throws IOException {
    String sample = Corpus.sampleName(output);
    JsonNode expected = JSON.readTree(Corpus.expectedFor(output).toFile());
    Mismatches mismatches = new Mismatches(sample);
    comparator.compare(expected, Corpus.read(output), mismatches);
    List<String> problems = mismatches.problems();
    assertThat(problems).as(sample + " (" + mismatches.compared() + " fields compared)").isEmpty();
    assertThat(mismatches.compared()).as(sample + ": nothing compared").isPositive();
    List<ParseWarning> warnings = parserFor(output).apply(Corpus.read(output)).warnings();
    String expectedWarning = EXPECTED_WARNINGS.get(sample);
    if (expectedWarning == null) {
      assertThat(warnings).as(sample + " warnings").isEmpty();
    } else {
      assertThat(warnings).as(sample + " warnings").isNotEmpty();
      assertThat(warnings)
          .as(sample + " warnings")
          .allMatch(w -> w.line().contains(expectedWarning) || w.line().startsWith("show "));
    }
  }

  private static Function<String, Parsed<?>> parserFor(Path output) {
    String commandClass = output.getParent().getFileName().toString();
    return PARSERS.entrySet().stream()
        .filter(e -> commandClass.startsWith(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow();
  }
}
