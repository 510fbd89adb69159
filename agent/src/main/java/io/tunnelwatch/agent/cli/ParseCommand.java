package io.tunnelwatch.agent.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tunnelwatch.ios.parse.ParseException;
import io.tunnelwatch.ios.parse.Parsed;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
    String output;
    try {
      output = read();
    } catch (IOException e) {
      err.println("tunnelwatch parse: cannot read " + input + ": " + describe(e));
      return 1;
    }
    Parsed<?> parsed;
    try {
      parsed = show.get().parse(output);
    } catch (ParseException e) {
      String where = e.lineNumber() == 0 ? "" : " (line " + e.lineNumber() + ")";
      err.println("tunnelwatch parse: " + given + ": " + e.reason() + where);
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(json(given, parsed));
    out.flush();
    return 0;
  }

  private String read() throws IOException {
    if (input.equals("-")) {
      // System.in is looked up at call time so that tests can swap it
      InputStream in = System.in;
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return Files.readString(Path.of(input), StandardCharsets.UTF_8);
  }

  private static String describe(IOException e) {
    return e instanceof NoSuchFileException ? "no such file" : e.toString();
  }

  private static String json(String command, Parsed<?> parsed) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("command", command);
    document.put("result", parsed.value());
    document.put("warnings", parsed.warnings());
    try {
      return ParseJson.mapper().writeValueAsString(document);
    } catch (JsonProcessingException e) {
      // the models are plain records of strings, numbers, enums and optionals
      throw new IllegalStateException("cannot render the parse result as JSON", e);
    }
  }
}
