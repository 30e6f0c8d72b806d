package org.evalnas.runtime.config;

import java.util.List;
import java.util.stream.Collectors;

/** A config with problems; every problem found is listed, not only the first. */
public final class ConfigProblemsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<ConfigProblem> problems;

  public ConfigProblemsException(List<ConfigProblem> problems) {
    super(problems.stream().map(ConfigProblem::describe).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** The problems, in the order found. */
  public List<ConfigProblem> problems() {
    return problems;
  }
}
