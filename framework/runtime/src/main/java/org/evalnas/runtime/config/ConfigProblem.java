package org.evalnas.runtime.config;

import com.typesafe.config.ConfigOrigin;

/**
 * One thing wrong with a config, located where the user can find it.
 *
 * @param where "file:line", "--set ...", or "environment"
 * @param message what is wrong
 */
public record ConfigProblem(String where, String message) {

  /** A problem at a value's origin. */
  public static ConfigProblem at(ConfigOrigin origin, String message) {
    return new ConfigProblem(describe(origin), message);
  }

  static String describe(ConfigOrigin origin) {
    if (origin == null) {
      return "config";
    }
    if (origin.filename() != null) {
      return origin.lineNumber() > 0
          ? origin.filename() + ":" + origin.lineNumber()
          : origin.filename();
    }
    String d = origin.description();
    // a one-line --set has no line worth naming
    return d == null ? "config" : d.replaceFirst(": \\d+$", "");
  }

  /** One line for the user. */
  public String describe() {
    return where + ": " + message;
  }
}
