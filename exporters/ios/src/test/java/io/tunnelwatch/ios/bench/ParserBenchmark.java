package io.tunnelwatch.ios.bench;

import io.tunnelwatch.ios.model.IpsecSaInterface;
import io.tunnelwatch.ios.parse.IpsecSaOutputs;
import io.tunnelwatch.ios.parse.IpsecSaParser;
import io.tunnelwatch.ios.parse.Parsed;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of {@link IpsecSaParser#parse} on generated {@code show crypto ipsec sa} output, with
 * counting the lines of the same text as the baseline. Run by {@link ParserBenchmarkMain}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParserBenchmark {

  /** Proxy-identity blocks (tunnels) in the output. */
  @Param({"1", "100", "1000"})
  public int flows;

  public String text;

  @Setup
  public void generate() {
    text = input(flows);
  }

  /** The input for a flow count; the same seed gives the same text in every fork. */
  static String input(int flows) {
    return IpsecSaOutputs.randomOutput(new Random(flows), flows);
  }

  @Benchmark
  public Parsed<List<IpsecSaInterface>> ipsecSaParse() {
    return IpsecSaParser.parse(text);
  }

  @Benchmark
  public long baselineLinesCount() {
    return text.lines().count();
  }
}
