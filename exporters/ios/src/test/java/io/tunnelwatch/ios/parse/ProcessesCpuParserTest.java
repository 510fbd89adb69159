package io.tunnelwatch.ios.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunnelwatch.ios.model.CpuUtilization;
import io.tunnelwatch.ios.model.ProcessesCpu;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProcessesCpuParserTest {

  @Test
  void parsesR1HeaderWithCrlfAndNoFinalNewline() {
    Parsed<ProcessesCpu> parsed = ProcessesCpuParser.parse(Samples.read("r1-cpu.txt"));

    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.value().total()).contains(new CpuUtilization(12, OptionalInt.of(3), 9, 7));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "with interrupt|CPU utilization for five seconds: 1%/0%; one minute: 2%; five minutes: 3%|1|0|2|3",
        "without interrupt|CPU utilization for five seconds: 6%; one minute: 8%;  five minutes: 7%|6|-1|8|7",
        "hundred|CPU utilization for five seconds: 100%/99%; one minute: 100%; five minutes: 100%|100|99|100|100",
      })
  void headerForms(String name, String line, int five, int interrupt, int one, int fiveMin) {
    CpuUtilization u = ProcessesCpuParser.parse(line).value().total().orElseThrow();

    assertThat(u)
        .isEqualTo(
            new CpuUtilization(
                five,
                interrupt < 0 ? OptionalInt.empty() : OptionalInt.of(interrupt),
                one,
                fiveMin));
  }

  @Test
  void perCoreLinesOnly() {
    String output =
        "show processes cpu sorted\nCore 0: CPU utilization for five seconds: 6%; one minute: 8%;  five minutes: 7%\n"
            + "Core 1: CPU utilization for five seconds: 11%; one minute: 16%;  five minutes: 15%\n"
            + "PID    Runtime(ms) Invoked  uSecs  5Sec     1Min     5Min     TTY   Process\n"
            + "5782   2045595     13521147 208    4.52     6.10     5.85     0     iosd\n";

    Parsed<ProcessesCpu> parsed = ProcessesCpuParser.parse(output);

    assertThat(parsed.warnings()).isEmpty();
    assertThat(parsed.value().total()).isEmpty();
    assertThat(parsed.value().cores()).hasSize(2);
    assertThat(parsed.value().cores().get(1).utilization().fiveMinutesPercent()).isEqualTo(15);
  }

  @Test
  void rejectsOutputWithoutUtilization() {
    assertThatThrownBy(() -> ProcessesCpuParser.parse("")).isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> ProcessesCpuParser.parse("R1#show processes cpu\n R1#"))
        .isInstanceOf(ParseException.class);
  }

  @Test
  void malformedPercentageIsWarned() {
    Parsed<ProcessesCpu> parsed =
        ProcessesCpuParser.parse(
            "CPU utilization for five seconds: 1%/0%; one minute: 2%; five minutes: 3%\n"
                + "CPU utilization for five seconds: x%");

    assertThat(parsed.warnings()).hasSize(1);
  }
}
