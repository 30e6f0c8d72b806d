package org.evalnas.api.eval;

import java.util.Map;

/**
 * The score of a chosen architecture.
 *
 * @param accuracy the reported accuracy in percent
 * @param details further named values (validation accuracy, parameters, seconds, ...)
 */
public record Evaluation(double accuracy, Map<String, Double> details) {

  public Evaluation {
    details = Map.copyOf(details);
  }
}
