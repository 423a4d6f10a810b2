package io.basalt.node.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The sections of {@code docs/json-rpc-node.md}: {@code ### name}, text, one bash block. */
final class RpcDocs {

  static final Path FILE = Path.of("..", "docs", "json-rpc-node.md");

  private static final Pattern CURL =
      Pattern.compile(
          "^curl -s -X POST -H 'Content-Type: application/json' --data '(.*)'"
              + " http://127\\.0\\.0\\.1:8545/$");

  record Section(String name, String text, List<String> bashBlocks) {}

  private RpcDocs() {}

  static Map<String, Section> read() throws IOException {
    Map<String, Section> sections = new LinkedHashMap<>();
    String name = null;
    StringBuilder text = new StringBuilder();
    List<String> blocks = new ArrayList<>();
    StringBuilder block = null;
    for (String line : Files.readAllLines(FILE)) {
      if (block != null) {
        if (line.equals("```")) {
          blocks.add(block.toString().strip());
          block = null;
        } else {
          block.append(line).append('\n');
        }
        continue;
      }
      if (line.startsWith("### ")) {
        if (name != null) {
          sections.put(name, new Section(name, text.toString(), blocks));
        }
        name = line.substring(4).strip();
        text = new StringBuilder();
        blocks = new ArrayList<>();
      } else if (line.equals("```bash")) {
        block = new StringBuilder();
      } else {
        text.append(line).append('\n');
      }
    }
    if (name != null) {
      sections.put(name, new Section(name, text.toString(), blocks));
    }
    return sections;
  }

  /** The JSON body of a section's curl line. */
  static JsonNode curlBody(Section section) throws IOException {
    if (section.bashBlocks().size() != 1) {
      throw new AssertionError(section.name() + ": want exactly one bash block");
    }
    Matcher matcher = CURL.matcher(section.bashBlocks().get(0));
    if (!matcher.matches()) {
      throw new AssertionError(section.name() + ": not one curl line of the fixed form");
    }
    return LiveNode.JSON.readTree(matcher.group(1));
  }
}
