package org.evalnas.runtime.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The samples of a Prometheus text exposition, parsed for assertions. */
record Samples(List<Sample> all) {
  private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

  record Sample(String name, Map<String, String> labels, double value) {}

  static Samples parse(String text) {
    List<Sample> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      Matcher m = LINE.matcher(line.strip());
      if (!m.matches()) {
        throw new IllegalArgumentException("not a sample line: " + line);
      }
      Map<String, String> labels = new LinkedHashMap<>();
      if (m.group(3) != null) {
        Matcher l = LABEL.matcher(m.group(3));
        while (l.find()) {
          labels.put(l.group(1), l.group(2));
        }
      }
      String v = m.group(4);
      double value = switch (v) {
        case "+Inf" -> Double.POSITIVE_INFINITY;
        case "-Inf" -> Double.NEGATIVE_INFINITY;
        default -> Double.parseDouble(v);
      };
      out.add(new Sample(m.group(1), labels, value));
    }
    return new Samples(out);
  }

  /** The samples of {@code name} whose labels include every pair of {@code labels}. */
  List<Sample> of(String name, Map<String, String> labels) {
    return all.stream()
        .filter(s -> s.name().equals(name))
        .filter(s -> s.labels().entrySet().containsAll(labels.entrySet()))
        .toList();
  }

  /** The one matching sample's value. */
  double value(String name, Map<String, String> labels) {
    List<Sample> s = of(name, labels);
    if (s.size() != 1) {
      throw new AssertionError(s.size() + " samples of " + name + labels + " in\n" + all);
    }
    return s.get(0).value();
  }

  /** The sum over matching samples. */
  double sum(String name, Map<String, String> labels) {
    return of(name, labels).stream().mapToDouble(Sample::value).sum();
  }
}
