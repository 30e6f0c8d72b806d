package org.evalnas.runtime.plugin;

import java.nio.file.Path;

/**
 * A plugin jar that could not be loaded; it is skipped and the others still load.
 *
 * @param jar the jar
 * @param reason why it was skipped
 */
public record PluginProblem(Path jar, String reason) {

  /** One line for the user. */
  public String describe() {
    return "skipped plugin " + jar + ": " + reason;
  }
}
