package io.tunnelwatch.agent.report.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The formats reports are written in, by the name used on the command line and in the config. */
public enum ReportFormat {
  HTML("html"),
  CSV("csv"),
  JSON("json");

  private final String extension;

  ReportFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  public ReportRenderer renderer() {
    return switch (this) {
      case HTML -> new HtmlReportRenderer();
      case CSV -> new CsvReportRenderer();
      case JSON -> new JsonReportRenderer();
    };
  }

  public static Optional<ReportFormat> fromName(String name) {
    return Arrays.stream(values())
        .filter(f -> f.extension.equals(name.toLowerCase(Locale.ROOT)))
        .findFirst();
  }

  public static String names() {
    return Arrays.stream(values()).map(f -> f.extension).collect(Collectors.joining(", "));
  }
}
