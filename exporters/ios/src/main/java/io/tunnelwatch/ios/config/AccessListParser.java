package io.tunnelwatch.ios.config;

import io.tunnelwatch.ios.parse.ParseException;
import io.tunnelwatch.ios.parse.Parsed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Parses {@code show ip access-lists} and {@code show access-lists}: standard and extended IP
 * lists, named and numbered. Lists of other kinds (IPv6, MAC, reflexive) are skipped with one
 * warning each.
 */
public final class AccessListParser {

  public static final String COMMAND = "show ip access-lists";

  private static final Pattern IP_HEADER =
      Pattern.compile("(Standard|Extended) IP access list (\\S+)(?:\\s+\\(.*\\))?");
  private static final Pattern OTHER_HEADER =
      Pattern.compile("(?:\\S+ )?(?:IPv6|MAC|IP|IPv4) access list \\S+.*|.* access list \\S+");

  private AccessListParser() {}

  /**
   * Parses every list; an empty output (no lists configured) gives an empty list.
   *
   * @throws ParseException when the router answered with an error, or the output holds lines but no
   *     access list header
   */
  public static Parsed<List<AccessList>> parse(String output) {
    ConfigWarnings warnings = new ConfigWarnings(COMMAND);
    List<ConfigLine> lines = ConfigText.lines(COMMAND, output);
    List<AccessList> lists = new ArrayList<>();
    Section section = null;
    boolean skipping = false;
    boolean anyHeader = false;
    for (ConfigLine line : lines) {
      Matcher header = IP_HEADER.matcher(line.text());
      if (header.matches()) {
        addTo(lists, section);
        section = new Section(header.group(2), header.group(1).equals("Extended"));
        skipping = false;
        anyHeader = true;
      } else if (!line.indented() && OTHER_HEADER.matcher(line.text()).matches()) {
        addTo(lists, section);
        section = null;
        skipping = true;
        anyHeader = true;
        warnings.warn(line, "not an IPv4 access list, skipped with its entries");
      } else if (section != null) {
        Optional<AclEntry> entry = AclEntryReader.read(line.text(), section.extended);
        if (entry.isPresent()) {
          section.entries.add(entry.orElseThrow());
        } else {
          warnings.unrecognised(line);
        }
      } else if (!skipping) {
        warnings.warn(line, "line outside any access list, skipped");
      }
    }
    addTo(lists, section);
    if (!lines.isEmpty() && !anyHeader) {
      throw new ParseException(
          COMMAND, "no access list header: not access-list output", lines.get(0).number());
    }
    return new Parsed<>(lists, warnings.list());
  }

  private static void addTo(List<AccessList> lists, @Nullable Section section) {
    if (section != null) {
      lists.add(new AccessList(section.name, section.extended, section.entries));
    }
  }

  /** The list being read. */
  private static final class Section {
    final String name;
    final boolean extended;
    final List<AclEntry> entries = new ArrayList<>();

    Section(String name, boolean extended) {
      this.name = name;
      this.extended = extended;
    }
  }
}
