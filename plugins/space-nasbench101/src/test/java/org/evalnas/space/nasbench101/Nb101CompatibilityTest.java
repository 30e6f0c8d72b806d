package org.evalnas.space.nasbench101;

import org.evalnas.api.space.SearchSpace;
import org.evalnas.testkit.SearchSpaceCompatibilityKit;
import org.junit.jupiter.api.Nested;

/**
 * The shared space contract, for the benchmark space (V = 7, uniformity not drawn: 423,624
 * classes), a small edge space whose uniformity is tested, and the one-parent space.
 */
class Nb101CompatibilityTest {
  private static Nb101Space full;
  private static Nb101Space five;
  private static Nb101Space tree;

  @Nested
  class FullSpace extends SearchSpaceCompatibilityKit {
    @Override
    protected SearchSpace space() {
      if (full == null) {
        full = Nb101Space.withEdges(7);
      }
      return full;
    }
  }

  @Nested
  class FiveVertices extends SearchSpaceCompatibilityKit {
    @Override
    protected SearchSpace space() {
      if (five == null) {
        five = Nb101Space.withEdges(5);
      }
      return five;
    }
  }

  @Nested
  class OneParent extends SearchSpaceCompatibilityKit {
    @Override
    protected SearchSpace space() {
      if (tree == null) {
        tree = Nb101Space.withOneParent(7);
      }
      return tree;
    }
  }
}
