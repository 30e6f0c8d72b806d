package org.evalnas.space.nasbench101;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.Set;
import org.evalnas.api.InputException;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.InvalidArchitectureException;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.api.space.SearchSpaceProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Nb101SpaceTest {
  private static Nb101Space full;

  @BeforeAll
  static void build() {
    full = (Nb101Space) new Nb101SpaceProvider()
        .create(TestContext.of("space.nasbench101", Map.of()));
  }

  @Test
  void theDefaultSpaceIsTheWholeBenchmark() {
    assertThat(full.maxVertices()).isEqualTo(7);
    assertThat(full.encodingName()).isEqualTo("edges");
    assertThat(full.size()).hasValue(423_624);
    assertThat(full.uniqueSize()).hasValue(423_624);
    assertThat(full.decisions()).hasSize(21 + 5);
    assertThat(full.decisions().get(0).name()).isEqualTo("edge-1<-0");
    assertThat(full.decisions().get(21).options())
        .containsExactly("conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3");
  }

  @Test
  void isDiscoveredAsASpace() {
    assertThat(ServiceLoader.load(SearchSpaceProvider.class).stream().map(p -> p.get().name()))
        .contains("nasbench101");
  }

  @Test
  void decodesToThePrunedCellsHashAndNamesWhyAVectorIsInvalid() {
    // input -> 1 (conv3x3) -> output, vertex 2 dangling from the input: prunes to 3 vertices
    int[] choices = new int[26];
    choices[0] = 1; // edge 1<-0
    choices[1] = 1; // edge 2<-0
    choices[10] = 1; // edge 6<-1 (row 0 is decisions 0..5, row 1 is 6..10)
    Architecture a = full.decode(choices);
    assertThat(a.label()).isEqualTo("c3<0 out<1");
    assertThat(a.choices()).isEqualTo(choices);
    assertThat(full.byHash(a.id()).orElseThrow().label()).isEqualTo("c3<0 out<1");

    assertThatThrownBy(() -> full.decode(new int[26]))
        .isInstanceOf(InvalidArchitectureException.class)
        .hasMessage("input not connected to output");
    int[] dense = new int[26];
    for (int d = 0; d < 21; d++) {
      dense[d] = 1;
    }
    assertThatThrownBy(() -> full.decode(dense)).hasMessage("more than 9 edges");
    assertThatThrownBy(() -> full.decode(new int[3])).hasMessageContaining("expected 26 choices");
    int[] outOfRange = new int[26];
    outOfRange[21] = 3;
    assertThatThrownBy(() -> full.decode(outOfRange)).hasMessageContaining("op-1");
  }

  @Test
  void everyEnumeratedArchitectureRoundTripsThroughChoicesAndLabel() {
    Set<String> ids = new HashSet<>();
    full.enumerate().forEach(a -> {
      if (ids.size() % 31 == 0) {
        assertThat(full.decode(a.choices())).isEqualTo(a);
        assertThat(full.parse(a.label())).isEqualTo(a);
      }
      ids.add(a.id());
    });
    assertThat(ids).hasSize(423_624);
  }

  @Test
  void samplesUniformlyOverUniqueCells() {
    Nb101Space small = Nb101Space.withEdges(4);
    assertThat(small.size()).hasValue(91);
    Map<String, Integer> counts = new HashMap<>();
    SplittableRandom random = new SplittableRandom(42);
    int draws = 91 * 400;
    for (int i = 0; i < draws; i++) {
      counts.merge(small.sampleUniform(random).id(), 1, Integer::sum);
    }
    assertThat(counts).hasSize(91);
    // chi-square with 90 degrees of freedom: 99.9% quantile is about 137
    double chi2 = counts.values().stream().mapToDouble(c -> (c - 400.0) * (c - 400.0) / 400.0).sum();
    assertThat(chi2).isLessThan(137);
    assertThat(small.sampleUniform(new SplittableRandom(7)))
        .isEqualTo(small.sampleUniform(new SplittableRandom(7)));
  }

  @Test
  void smallerSpacesHoldTheCellsWithAtMostThatManyVertices() {
    assertThat(Nb101Space.withEdges(5).size()).hasValue(2532);
    Nb101Space five = Nb101Space.withEdges(5);
    assertThat(five.decisions()).hasSize(10 + 3);
    assertThat(five.parse("c3<0 c1<1 out<2").label()).isEqualTo("c3<0 c1<1 out<2");
    assertThatThrownBy(() -> five.parse("c3<0 c3<1 c3<2 c3<3 out<4"))
        .isInstanceOf(InvalidArchitectureException.class)
        .hasMessageContaining("cannot express");
  }

  @Test
  void theOneParentEncodingReachesTheTreeCells() {
    Nb101Space tree = (Nb101Space) new Nb101SpaceProvider().create(
        TestContext.of("space.nasbench101", Map.of("encoding", "one-parent")));
    assertThat(tree.decisions()).extracting(d -> d.name()).containsExactly(
        "parent-1", "op-1", "parent-2", "op-2", "parent-3", "op-3", "parent-4", "op-4",
        "parent-5", "op-5");
    assertThat(tree.size()).hasValue(ONE_PARENT_CELLS[7]);
    for (int v = 2; v <= 6; v++) {
      assertThat(Nb101Space.withOneParent(v).size()).as("V = " + v).hasValue(ONE_PARENT_CELLS[v]);
    }
    // a chain: input -> 1 -> 2 -> 3 -> 4 -> 5 -> output
    Architecture chain = tree.decode(new int[] {0, 0, 1, 1, 2, 2, 3, 0, 4, 1});
    assertThat(chain.label()).isEqualTo("c3<0 c1<1 mp<2 c3<3 c1<4 out<5");
    assertThat(tree.parse(chain.label())).isEqualTo(chain);
    // every vertex a child of the input: 5 + 5 edges
    assertThatThrownBy(() -> tree.decode(new int[10])).hasMessage("more than 9 edges");
    tree.enumerate().limit(2000).forEach(a -> {
      assertThat(tree.decode(a.choices())).isEqualTo(a);
      assertThat(tree.parse(a.label())).isEqualTo(a);
    });
    // a cell with a vertex of two inputs is not a tree
    assertThatThrownBy(() -> tree.parse("c3<0 c3<0,1 out<2"))
        .hasMessageContaining("cannot express");
  }

  /** Unique cells the one-parent encoding reaches with exactly V vertices (index V). */
  static final long[] ONE_PARENT_CELLS = {0, 0, 1, 3, 15, 82, 495, 3123};

  @Test
  void refusesBadSettings() {
    SearchSpaceProvider provider = new Nb101SpaceProvider();
    assertThatThrownBy(() -> provider.create(
        TestContext.of("space.nasbench101", Map.of("max-vertices", 8))))
        .isInstanceOf(InputException.class)
        .satisfies(e -> assertThat(((InputException) e).location())
            .contains("key space.nasbench101.max-vertices"));
    assertThatThrownBy(() -> provider.create(
        TestContext.of("space.nasbench101", Map.of("encoding", "matrix"))))
        .isInstanceOf(InputException.class).hasMessageContaining("'edges' or 'one-parent'");
    SearchSpace space = provider.create(TestContext.of("space.nasbench101", Map.of("max-vertices", 3)));
    assertThat(space.enumerate().map(Architecture::label).toList()).hasSize(7)
        .startsWith("out<0").containsAll(List.of("c3<0 out<1", "mp<0 out<0,1"));
  }
}
