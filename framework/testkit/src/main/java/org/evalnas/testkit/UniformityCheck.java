package org.evalnas.testkit;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * A chi-square goodness-of-fit check that draws are uniform over a known number of classes.
 *
 * <p>Tests run it with a fixed seed, so a pass is reproducible; the critical value sits at a
 * significance of {@value #SIGNIFICANCE}, so a correct sampler fails for about one seed in a
 * million, while a biased one fails as soon as the draws are many compared with the classes.
 * With 30 draws per class, sampling the standard fake space over encodings instead of unique
 * architectures gives a statistic near 230 against a critical value near 118.
 */
public final class UniformityCheck {

  /** The significance level of the check. */
  public static final double SIGNIFICANCE = 1e-6;

  // the standard normal quantile at 1 - SIGNIFICANCE
  private static final double Z = 4.753424308822899;

  private UniformityCheck() {}

  /**
   * The chi-square statistic of the draws against the uniform distribution over {@code classes}
   * classes; classes never drawn count with observed zero.
   *
   * @throws IllegalArgumentException when more distinct values were drawn than there are classes
   */
  public static double statistic(Collection<String> draws, long classes) {
    Map<String, Long> counts = new HashMap<>();
    for (String draw : draws) {
      counts.merge(draw, 1L, Long::sum);
    }
    if (counts.size() > classes) {
      throw new IllegalArgumentException(
          counts.size() + " distinct values drawn, but only " + classes + " classes");
    }
    double expected = (double) draws.size() / classes;
    double sum = 0;
    for (long observed : counts.values()) {
      sum += (observed - expected) * (observed - expected) / expected;
    }
    // each class never drawn contributes (0 - E)^2 / E = E
    return sum + (classes - counts.size()) * expected;
  }

  /**
   * The chi-square quantile at {@code 1 - SIGNIFICANCE} for {@code degreesOfFreedom}, by the
   * Wilson–Hilferty approximation. It errs high by about one percent at 20 degrees of
   * freedom and less above (118.3 for the exact 117.0 at 53), far finer than the gap the check
   * has to tell apart.
   */
  public static double criticalValue(long degreesOfFreedom) {
    double k = degreesOfFreedom;
    double c = 2 / (9 * k);
    return k * Math.pow(1 - c + Z * Math.sqrt(c), 3);
  }

  /**
   * Asserts that the draws look uniform over {@code classes} classes.
   *
   * @throws AssertionError with the statistic and the critical value when they do not
   */
  public static void assertUniform(Collection<String> draws, long classes) {
    if (classes < 2) {
      return;
    }
    double statistic = statistic(draws, classes);
    double critical = criticalValue(classes - 1);
    if (!(statistic <= critical)) {
      throw new AssertionError(
          String.format(
              "%d draws over %d classes are not uniform: chi-square %.1f > %.1f (df %d, p < %g)",
              draws.size(), classes, statistic, critical, classes - 1, SIGNIFICANCE));
    }
  }
}
