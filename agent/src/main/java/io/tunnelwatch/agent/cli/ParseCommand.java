package io.tunnelwatch.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tunnelwatch.ios.parse.ParseException;
import io.tunnelwatch.ios.parse.ParseWarning;
import io.tunnelwatch.ios.parse.Parsed;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code parse --command "show ..." FILE|-}: runs one of the agent's parsers on saved router output
 * and prints what it understood as JSON, to check a router's output offline or to feed other tools.
 */
@Command(
    name = "parse",
    description = {
      "Parse saved IOS show-command output and print it as JSON.",
      "Exit 0 on success, 1 when the text is not that command's output, 2 for an unknown command."
    })
final class ParseCommand implements Callable<Integer> {

  @Option(
      names = "--command",
      required = true,
      paramLabel = "SHOW-COMMAND",
      description = "the command that produced the output, e.g. \"show crypto isakmp sa\"")
  String command;

  @Parameters(index = "0", paramLabel = "FILE|-", description = "the output; - reads stdin")
  String input;

  @Spec CommandSpec spec;

  /** A bound on the input; tests lower it. */
  int maxBytes = BoundedInput.MAX_BYTES;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    String given = command.strip().replaceAll("\\s+", " ");
    Optional<ShowCommand> show = ShowCommand.of(given);
    if (show.isEmpty()) {
      err.println("tunnelwatch parse: unsupported command '" + given + "'; supported:");
      for (ShowCommand c : ShowCommand.values()) {
        err.println("  " + c.usage());
      }
      return 2;
    }
    BoundedInput.Text output;
    try {
      output = read();
    } catch (IOException e) {
      err.println("tunnelwatch parse: cannot read " + input + ": " + describe(e));
      return 1;
    }
    Parsed<?> parsed;
    try {
      parsed = show.get().parse(output.text());
    } catch (ParseException e) {
      String where = e.lineNumber() == 0 ? "" : " (line " + e.lineNumber() + ")";
      err.println("tunnelwatch parse: " + given + ": " + e.reason() + where);
      return 1;
    } catch (OutOfMemoryError e) {
      // The parse's own data is unreachable once this frame is left, so the JVM can go on to say
      // why, instead of dying with a stack trace.
      err.println(
          "tunnelwatch parse: not enough memory for "
              + (output.text().length() >> 20)
              + " MiB of output; give the JVM more (java -Xmx...) or split the input");
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(json(given, parsed, warnings(given, output, parsed)));
    out.flush();
    return 0;
  }

  private BoundedInput.Text read() throws IOException {
    // System.in is looked up at call time so that tests can swap it
    try (InputStream in =
        input.equals("-") ? nonClosing(System.in) : Files.newInputStream(Path.of(input))) {
      return BoundedInput.read(in, maxBytes);
    }
  }

  private static InputStream nonClosing(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public void close() {
        // stdin belongs to the process, not to this command
      }
    };
  }

  /** The parser's warnings, after one for bytes that were not UTF-8, if there were any. */
  private static List<ParseWarning> warnings(
      String command, BoundedInput.Text output, Parsed<?> parsed) {
    if (output.replaced() == 0) {
      return parsed.warnings();
    }
    List<ParseWarning> all = new ArrayList<>();
    all.add(
        new ParseWarning(
            command,
            0,
            "",
            output.replaced() + " invalid UTF-8 byte sequence(s) replaced with U+FFFD"));
    all.addAll(parsed.warnings());
    return all;
  }

  private static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    return e instanceof BoundedInput.TooLarge tooLarge ? tooLarge.reason() : e.toString();
  }

  private static String json(String command, Parsed<?> parsed, List<ParseWarning> warnings) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("command", command);
    document.put("result", parsed.value());
    document.put("warnings", warnings);
    try {
      return ParseJson.mapper().writeValueAsString(document);
    } catch (JsonProcessingException e) {
      // the models are plain records of strings, numbers, enums and optionals
      throw new IllegalStateException("cannot render the parse result as JSON", e);
    }
  }
}
