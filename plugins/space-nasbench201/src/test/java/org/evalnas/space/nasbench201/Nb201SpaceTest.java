package org.evalnas.space.nasbench201;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.Decision;
import org.evalnas.api.space.InvalidArchitectureException;
import org.junit.jupiter.api.Test;

class Nb201SpaceTest {
  private static final String OFFICIAL_EXAMPLE =
      "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";

  private final Nb201Space space = Nb201Space.create();

  @Test
  void decisionsAreTheSixEdgesOverTheFiveOfficialOperations() {
    assertThat(space.decisions())
        .extracting(Decision::name)
        .containsExactly(
            "edge-1<-0", "edge-2<-0", "edge-2<-1", "edge-3<-0", "edge-3<-1", "edge-3<-2");
    for (Decision d : space.decisions()) {
      assertThat(d.options())
          .containsExactly(
              "none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3");
    }
    assertThat(space.name()).isEqualTo("nasbench201");
    assertThat(space.size()).hasValue(15_625);
  }

  @Test
  void theOfficialExampleParsesAndPrintsBack() {
    Architecture a = space.parse(OFFICIAL_EXAMPLE);
    assertThat(a.label()).isEqualTo(OFFICIAL_EXAMPLE);
    assertThat(a.choices()).containsExactly(3, 3, 4, 1, 3, 1);
    assertThat(space.index(a)).isEqualTo(1); // its row in the benchmark's meta_archs
    // the strict parser agrees with the fast lookup
    assertThat(Nb201Cell.parse(OFFICIAL_EXAMPLE).officialString()).isEqualTo(OFFICIAL_EXAMPLE);
  }

  @Test
  void everyCellRoundTripsThroughItsStringAndItsChoices() {
    List<Architecture> all = space.enumerate().toList();
    assertThat(all).hasSize(15_625);
    Set<String> labels = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      Architecture a = all.get(i);
      assertThat(labels.add(a.label())).isTrue();
      Nb201Cell parsed = Nb201Cell.parse(a.label());
      assertThat(parsed.officialString()).isEqualTo(a.label());
      assertThat(parsed.uniqueString()).isEqualTo(a.id());
      assertThat(space.parse(a.label())).isEqualTo(a);
      assertThat(space.decode(a.choices())).isEqualTo(a);
      assertThat(space.index(a)).isEqualTo(i);
      assertThat(space.architecture(i)).isSameAs(a);
    }
  }

  @Test
  void indexOrderMatchesTheBenchmarkForAllRows() throws IOException {
    int rows = 0;
    try (BufferedReader in =
        Files.newBufferedReader(SharedData.path("data/nb201/nb201-12epoch.csv"))) {
      assertThat(in.readLine()).startsWith("index,arch,");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] f = line.split(",", 3);
        int index = Integer.parseInt(f[0]);
        assertThat(space.architecture(index).label()).as("index %d", index).isEqualTo(f[1]);
        assertThat(space.indexOfLabel(f[1])).isEqualTo(index);
        rows++;
      }
    }
    assertThat(rows).isEqualTo(15_625);
  }

  @Test
  void canonicalIdsFollowTheOfficialUniqueStringAndGive6466Classes() {
    assertThat(space.enumerate().map(Architecture::id).distinct().count()).isEqualTo(6_466);
    assertThat(space.uniqueSize()).hasValue(6_466);
    // values computed with the official to_unique_str(consider_zero=True) semantics in Python
    assertThat(space.architecture(0).id())
        .isEqualTo("(0)@avg_pool_3x3+(0)@avg_pool_3x3+(0)@nor_conv_1x1+(0)@nor_conv_1x1");
    assertThat(space.architecture(1).id())
        .isEqualTo(
            "((0)@nor_conv_3x3)@avg_pool_3x3+(0)@nor_conv_3x3+((0)@nor_conv_3x3)@nor_conv_3x3+0");
    assertThat(space.architecture(11).id())
        .isEqualTo(
            "#+(((0)@nor_conv_3x3)@avg_pool_3x3+(0)@nor_conv_3x3)@avg_pool_3x3"
                + "+((0)@nor_conv_3x3)@nor_conv_3x3");
    assertThat(space.architecture(284).id()).isEqualTo("#+#+(0)@nor_conv_1x1");
    // index 284 is isomorphic to 41, 97, 166, ... and 275 cells in all
    assertThat(space.architecture(41).id()).isEqualTo(space.architecture(284).id());
    assertThat(space.enumerate().filter(a -> a.id().equals("#+#+(0)@nor_conv_1x1")).count())
        .isEqualTo(275);
    // the official quirk: a node whose terms are all zero is "#+#", not "#"
    assertThat(space.enumerate().filter(a -> a.id().equals("#+#+#")).count()).isEqualTo(225);
  }

  @Test
  void uniformSamplingIsUniformOverClassesAndReturnsRepresentatives() {
    Map<String, Integer> lowestIndex = new HashMap<>();
    space.enumerate().forEach(a -> lowestIndex.putIfAbsent(a.id(), space.index(a)));
    int classes = lowestIndex.size();
    int perClass = 40;
    int draws = classes * perClass;
    Map<String, Integer> counts = new HashMap<>();
    SplittableRandom random = new SplittableRandom(20200226L);
    for (int i = 0; i < draws; i++) {
      Architecture a = space.sampleUniform(random);
      assertThat(space.index(a)).isEqualTo(lowestIndex.get(a.id()));
      counts.merge(a.id(), 1, Integer::sum);
    }
    assertThat(counts).hasSize(classes); // every class is reachable
    double chiSquare = 0;
    for (int c : counts.values()) {
      chiSquare += (c - perClass) * (double) (c - perClass) / perClass;
    }
    // df = 6465: mean 6465, sd ~ 114; a sampler uniform over encodings would give far more
    assertThat(chiSquare).isBetween(6465 - 5 * 114.0, 6465 + 5 * 114.0);
  }

  @Test
  void sameSeedSameSamples() {
    SplittableRandom a = new SplittableRandom(7);
    SplittableRandom b = new SplittableRandom(7);
    for (int i = 0; i < 100; i++) {
      assertThat(space.sampleUniform(a)).isEqualTo(space.sampleUniform(b));
    }
  }

  @Test
  void badChoiceVectorsSayWhy() {
    assertThatThrownBy(() -> space.decode(new int[] {0, 1, 2}))
        .isInstanceOf(InvalidArchitectureException.class)
        .hasMessageContaining("6 edge choices, got 3");
    assertThatThrownBy(() -> space.decode(new int[] {0, 1, 2, 3, 5, 0}))
        .isInstanceOf(InvalidArchitectureException.class)
        .hasMessageContaining("choice 5 for edge-3<-1 is out of range");
    assertThat(space.tryDecode(new int[] {-1, 0, 0, 0, 0, 0})).isEmpty();
  }

  @Test
  void parseErrorsSayWhatAndWhere() {
    assertParseError(
        "|nor_conv_3x3~0|+|conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|",
        "at character 18: unknown operation 'conv_3x3' on input 0 of node 2");
    assertParseError(
        "|nor_conv_3x3~0|+|avg_pool_3x3~1|nor_conv_3x3~0|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|",
        "expected input 0 after 'avg_pool_3x3~', found '1'");
    assertParseError(
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|",
        "at character 80: expected 'operation~2' for input 2 of node 3, found ''");
    assertParseError(
        "|nor_conv_3x3~0|nor_conv_3x3~0|+|avg_pool_3x3~1|",
        "at character 16: expected '+' between node 1 and node 2, found 'nor_conv_3x3~0|+|avg...'");
    assertParseError(
        OFFICIAL_EXAMPLE + "+|none~0|", "expected the end after node 3");
    assertParseError(
        "nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|",
        "at character 0: expected '|' opening node 1");
    assertParseError("", "expected '|' opening node 1, found the end");
    assertThatThrownBy(() -> space.parse(null)).isInstanceOf(InvalidArchitectureException.class);
  }

  private void assertParseError(String text, String message) {
    assertThatThrownBy(() -> space.parse(text))
        .isInstanceOf(InvalidArchitectureException.class)
        .hasMessageContaining(message)
        .hasMessageContaining(text);
  }

  @Test
  void pythonRandomMatchesCPython() {
    // random.seed(88); [random.getrandbits(32) for _ in range(3)] in CPython 3.11
    CPythonRandom random = new CPythonRandom(88);
    assertThat(Integer.toUnsignedLong(random.nextUint32())).isEqualTo(1707201716L);
    assertThat(Integer.toUnsignedLong(random.nextUint32())).isEqualTo(4182107318L);
    assertThat(Integer.toUnsignedLong(random.nextUint32())).isEqualTo(813946014L);
  }

  @Test
  void buildingTheTablesIsFast() {
    long coldStart = System.nanoTime();
    new Nb201Catalog();
    double coldMs = (System.nanoTime() - coldStart) / 1e6;
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      long start = System.nanoTime();
      new Nb201Catalog();
      best = Math.min(best, (System.nanoTime() - start) / 1e6);
    }
    System.out.printf("nasbench201 space tables: first build %.1f ms, warm %.1f ms%n", coldMs, best);
    assertThat(best).isLessThan(100);
  }
}
