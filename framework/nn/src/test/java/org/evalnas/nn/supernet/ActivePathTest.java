package org.evalnas.nn.supernet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivePathTest {

  @Test
  void aSupernetRunsNothingBeforeAPathOrAMixtureIsActivated() {
    ActivePath<String> active = new ActivePath<>();
    assertThatThrownBy(active::path)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("activate a path or a mixture");
  }

  @Test
  void theLastActivationWinsAndTheMixtureIsACopy() {
    ActivePath<String> active = new ActivePath<>();
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      List<NDArray> weights = new ArrayList<>(List.of(manager.ones(new ai.djl.ndarray.types.Shape(3))));
      active.single("cell-a");
      assertThat(active.path()).isEqualTo("cell-a");
      assertThat(active.weights()).isNull();

      active.mixture(weights);
      weights.clear(); // the caller's list may change; the active mixture does not
      assertThat(active.path()).isNull();
      assertThat(active.weights()).hasSize(1);

      active.single("cell-b");
      assertThat(active.path()).isEqualTo("cell-b");
      assertThat(active.weights()).isNull();
    }
  }
}
