package org.evalnas.runtime.execution.slurm;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.evalnas.api.InputException;

/** Fills the {@code {{NAME}}} placeholders of an sbatch template. */
final class Template {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Z_]+)}}");

  private Template() {}

  /**
   * @throws InputException naming the template when it holds a placeholder without a value
   */
  static String render(String text, Map<String, String> values, java.nio.file.Path template) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new InputException(template, null, "unknown placeholder {{" + m.group(1) + "}}; known: " + values.keySet());
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Quotes a word for a POSIX shell. */
  static String quote(String word) {
    if (word.matches("[A-Za-z0-9_./=:,@%+-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
