package org.evalnas.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.evalnas.testkit.fake.FakeSearchSpace;
import org.junit.jupiter.api.Test;

class UniformityCheckTest {
  private final FakeSearchSpace space = FakeSearchSpace.standard();

  @Test
  void acceptsUniformSamplingOverUniqueIds() {
    SplittableRandom random = new SplittableRandom(1);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 54 * 30; i++) {
      ids.add(space.sampleUniform(random).id());
    }
    assertThatCode(() -> UniformityCheck.assertUniform(ids, 54)).doesNotThrowAnyException();
  }

  @Test
  void rejectsSamplingOverEncodings() {
    // the mistake the check exists for: uniform over the 81 encodings favours the 27 unique
    // architectures that have two encodings two to one
    SplittableRandom random = new SplittableRandom(1);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 54 * 30; i++) {
      int[] choices = new int[4];
      for (int d = 0; d < 4; d++) {
        choices[d] = random.nextInt(3);
      }
      ids.add(space.decode(choices).id());
    }
    assertThatThrownBy(() -> UniformityCheck.assertUniform(ids, 54))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not uniform");
  }

  @Test
  void criticalValueIsCloseToTheChiSquareQuantile() {
    // exact quantiles at 1 - 1e-6 (scipy.stats.chi2.ppf): 65.42 for 20 df, 117.00 for 53 df
    assertThat(UniformityCheck.criticalValue(20)).isCloseTo(65.42, withinPercentage(1.5));
    assertThat(UniformityCheck.criticalValue(53)).isCloseTo(117.00, withinPercentage(1.5));
  }

  @Test
  void unseenClassesCount() {
    // 4 draws of one class out of 2: E = 2, (4-2)^2/2 + (0-2)^2/2 = 4
    assertThat(UniformityCheck.statistic(List.of("a", "a", "a", "a"), 2)).isEqualTo(4.0);
  }
}
