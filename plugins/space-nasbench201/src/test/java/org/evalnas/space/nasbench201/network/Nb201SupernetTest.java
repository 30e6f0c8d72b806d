package org.evalnas.space.nasbench201.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.assertj.core.data.Offset;
import org.evalnas.api.space.Architecture;
import org.evalnas.nn.evaluate.NetworkShape;
import org.evalnas.nn.supernet.ActivePath;
import org.evalnas.nn.supernet.BatchNormMode;
import org.evalnas.nn.supernet.Supernet;
import org.evalnas.nn.supernet.SupernetBatchNorm;
import org.evalnas.space.nasbench201.Nb201Cell;
import org.evalnas.space.nasbench201.Nb201Operation;
import org.evalnas.space.nasbench201.Nb201Space;
import org.junit.jupiter.api.Test;

class Nb201SupernetTest {
  // two stages of two cells: weights per cell and a residual reduction are both exercised
  private static final NetworkShape SHAPE = new NetworkShape(1, 10, 4, 2, 2);
  private static final Shape INPUT = new Shape(3, 1, 8, 8);
  private static final Offset<Float> INFERENCE = Offset.offset(1e-5f);
  private static final Offset<Float> TRAINING = Offset.offset(1e-4f);

  /** Cells whose corner cases a random sample may miss. */
  private static final List<String> HAND_PICKED =
      List.of(
          "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|",
          // node 3 gets nothing: the cell's output is zero
          "|nor_conv_3x3~0|+|skip_connect~0|nor_conv_1x1~1|+|none~0|none~1|none~2|",
          // node 1 gets nothing, and its zero feeds a convolution
          "|none~0|+|avg_pool_3x3~0|nor_conv_3x3~1|+|nor_conv_1x1~0|nor_conv_3x3~1|skip_connect~2|",
          "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|",
          "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|",
          "|nor_conv_1x1~0|+|nor_conv_1x1~0|nor_conv_1x1~1|+|nor_conv_1x1~0|nor_conv_1x1~1|nor_conv_1x1~2|",
          "|avg_pool_3x3~0|+|avg_pool_3x3~0|avg_pool_3x3~1|+|avg_pool_3x3~0|avg_pool_3x3~1|avg_pool_3x3~2|");

  private final Nb201Space space = Nb201Space.create();

  @Test
  void theSpaceBuildsTheSupernet() {
    assertThat(space.supernet(SHAPE)).isInstanceOf(Nb201Supernet.class);
  }

  @Test
  void singlePathsComputeTheirStandaloneNetworks() {
    List<Architecture> paths = sample(60, 201);
    assertThat(samePathAsStandalone(paths)).isEqualTo(paths.size());
  }

  /** {@code n} architectures drawn with a fixed seed, then the hand-picked ones. */
  private List<Architecture> sample(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Architecture> paths = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      paths.add(space.architecture(random.nextInt(Nb201Cell.COUNT)));
    }
    HAND_PICKED.forEach(label -> paths.add(space.parse(label)));
    return paths;
  }

  /** Compares each path with its standalone network in both modes; returns how many matched. */
  private int samePathAsStandalone(List<Architecture> paths) {
    Supernet supernet = space.supernet(SHAPE);
    int matched = 0;
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      Engine.getInstance().setRandomSeed(7);
      supernet.block().initialize(manager, DataType.FLOAT32, INPUT);
      randomizeNorms(supernet.block(), manager);
      NDArray images = manager.randomNormal(INPUT);
      ParameterStore store = new ParameterStore(manager, false);
      for (Architecture path : paths) {
        Nb201Cell cell = Nb201Cell.ofChoices(path.choices());
        Block standalone = Nb201Network.build(cell, SHAPE);
        try (NDManager sub = manager.newSubManager()) {
          standalone.initialize(sub, DataType.FLOAT32, INPUT);
          copyWeights(supernet.block(), standalone, cell);
          supernet.activate(path);
          float[] expected = forward(standalone, store, images, false);
          assertThat(forward(supernet.block(), store, images, false)).as(path.label()).containsExactly(expected, INFERENCE);
          // training mode: batch statistics; both update their running statistics alike
          float[] expectedTraining = forward(standalone, store, images, true);
          assertThat(forward(supernet.block(), store, images, true)).as(path.label()).containsExactly(expectedTraining, TRAINING);
          // the running statistics moved by the same momentum
          float[] expectedAfter = forward(standalone, store, images, false);
          assertThat(forward(supernet.block(), store, images, false)).as(path.label()).containsExactly(expectedAfter, TRAINING);
          matched++;
        }
      }
    }
    return matched;
  }

  private static float[] forward(Block block, ParameterStore store, NDArray x, boolean training) {
    return block.forward(store, new NDList(x), training).singletonOrThrow().toFloatArray();
  }

  /**
   * Non-trivial batch-norm parameters and running statistics, so that inference mode is really
   * compared and a mix-up of two layers shows.
   */
  private static void randomizeNorms(Block block, NDManager manager) {
    for (Pair<String, Parameter> p : block.getParameters()) {
      NDArray a = p.getValue().getArray();
      switch (p.getValue().getType()) {
        case RUNNING_MEAN, BETA -> a.set(manager.randomNormal(0, 0.1f, a.getShape(), DataType.FLOAT32).toFloatArray());
        case RUNNING_VAR, GAMMA -> a.set(manager.randomUniform(0.5f, 1.5f, a.getShape()).toFloatArray());
        default -> {}
      }
    }
  }

  /** Copies the supernet's weights of a cell's path into the standalone network of the cell. */
  private static void copyWeights(Block supernet, Block standalone, Nb201Cell cell) {
    List<Block> superLayers = new ArrayList<>(supernet.getChildren().values());
    List<Block> layers = new ArrayList<>(standalone.getChildren().values());
    assertThat(layers).hasSameSizeAs(superLayers);
    for (int i = 0; i < layers.size(); i++) {
      Block from = superLayers.get(i);
      Block to = layers.get(i);
      if (from instanceof Nb201SupernetCell) {
        assertThat(to).isInstanceOf(Nb201CellBlock.class);
        Map<String, Block> shared = byName(from);
        int convolutions = 0;
        for (Pair<String, Block> c : to.getChildren()) {
          int edge = Integer.parseInt(c.getKey().substring(2).substring("edge".length()));
          copySame(shared.get(Nb201SupernetCell.childName(edge, cell.operation(edge))), c.getValue());
          convolutions++;
        }
        int expected = 0;
        for (int e = 0; e < Nb201Cell.EDGES; e++) {
          expected += CellGraph.isConvolution(cell.operation(e)) ? 1 : 0;
        }
        assertThat(convolutions).isEqualTo(expected);
      } else {
        copySame(from, to);
      }
    }
  }

  /** Children by name without DJL's two-digit index prefix. */
  private static Map<String, Block> byName(Block block) {
    Map<String, Block> map = new HashMap<>();
    for (Pair<String, Block> c : block.getChildren()) {
      map.put(c.getKey().substring(2), c.getValue());
    }
    return map;
  }

  /**
   * Copies parameters in order between two blocks of the same layers (their batch norms may be
   * of different classes, so the parameters' full names differ; their own names must not).
   */
  private static void copySame(Block from, Block to) {
    PairList<String, Parameter> source = from.getParameters();
    PairList<String, Parameter> target = to.getParameters();
    assertThat(target.size()).isEqualTo(source.size());
    for (int k = 0; k < source.size(); k++) {
      assertThat(ownName(target.get(k).getKey())).isEqualTo(ownName(source.get(k).getKey()));
      NDArray s = source.get(k).getValue().getArray();
      NDArray t = target.get(k).getValue().getArray();
      assertThat(t.getShape()).isEqualTo(s.getShape());
      t.set(s.toFloatArray());
    }
  }

  private static String ownName(String fullName) {
    return fullName.substring(fullName.lastIndexOf('_') + 1);
  }

  @Test
  void aOneHotMixtureIsItsSinglePath() {
    Supernet supernet = space.supernet(SHAPE);
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      Engine.getInstance().setRandomSeed(11);
      supernet.block().initialize(manager, DataType.FLOAT32, INPUT);
      randomizeNorms(supernet.block(), manager);
      ParameterStore store = new ParameterStore(manager, false);
      NDArray images = manager.randomNormal(INPUT);
      for (Architecture path : sample(15, 5)) {
        List<NDArray> oneHot = new ArrayList<>();
        for (int choice : path.choices()) {
          float[] w = new float[Nb201Operation.count()];
          w[choice] = 1;
          oneHot.add(manager.create(w));
        }
        supernet.activate(path);
        float[] single = forward(supernet.block(), store, images, false);
        supernet.mix(oneHot);
        assertThat(forward(supernet.block(), store, images, false)).as(path.label()).containsExactly(single, INFERENCE);
        supernet.activate(path);
        float[] singleTraining = forward(supernet.block(), store, images, true);
        supernet.mix(oneHot);
        assertThat(forward(supernet.block(), store, images, true)).as(path.label()).containsExactly(singleTraining, TRAINING);
      }
    }
  }

  @Test
  void aMixedEdgeIsTheWeightedSumOfItsOperations() {
    ActivePath<Nb201Cell> active = new ActivePath<>();
    Nb201SupernetCell cell = new Nb201SupernetCell(3, active, new BatchNormMode());
    Shape input = new Shape(2, 3, 5, 5);
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      Engine.getInstance().setRandomSeed(13);
      cell.initialize(manager, DataType.FLOAT32, input);
      randomizeNorms(cell, manager);
      ParameterStore store = new ParameterStore(manager, false);
      NDArray x = manager.randomNormal(input);
      List<NDArray> weights = new ArrayList<>();
      for (int e = 0; e < Nb201Cell.EDGES; e++) {
        weights.add(manager.randomUniform(0f, 1f, new Shape(Nb201Operation.count())));
      }
      active.mixture(weights);
      float[] mixed = cell.forward(store, new NDList(x), false).singletonOrThrow().toFloatArray();

      // written out: node j sums, over its edges i -> j, w[e][op] * op(node i) for every op
      Map<String, Block> layers = byName(cell);
      NDArray[] nodes = {x, null, null, null};
      int e = 0;
      for (int to = 1; to <= 3; to++) {
        for (int from = 0; from < to; from++, e++) {
          for (Nb201Operation op : Nb201Operation.values()) {
            NDArray source = nodes[from];
            NDArray y =
                switch (op) {
                  case NONE -> source.zerosLike();
                  case SKIP_CONNECT -> source;
                  case AVG_POOL_3X3 ->
                      Pool.avgPool2d(source, new Shape(3, 3), new Shape(1, 1), new Shape(1, 1), false, false);
                  case NOR_CONV_1X1, NOR_CONV_3X3 ->
                      layers.get(Nb201SupernetCell.childName(e, op)).forward(store, new NDList(source), false).singletonOrThrow();
                };
            NDArray term = y.mul(weights.get(e).getFloat(op.ordinal()));
            nodes[to] = nodes[to] == null ? term : nodes[to].add(term);
          }
        }
      }
      assertThat(mixed).containsExactly(nodes[3].toFloatArray(), INFERENCE);
    }
  }

  @Test
  void mixtureWeightsGetGradients() {
    Supernet supernet = space.supernet(SHAPE);
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      Engine.getInstance().setRandomSeed(17);
      supernet.block().initialize(manager, DataType.FLOAT32, INPUT);
      ParameterStore store = new ParameterStore(manager, false);
      NDArray images = manager.randomNormal(INPUT);
      NDArray alpha = manager.randomNormal(0, 1e-3f, new Shape(Nb201Cell.EDGES, Nb201Operation.count()), DataType.FLOAT32);
      alpha.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray w = alpha.softmax(1);
        List<NDArray> weights = new ArrayList<>();
        for (int e = 0; e < Nb201Cell.EDGES; e++) {
          weights.add(w.get(e));
        }
        supernet.mix(weights);
        NDArray logits = supernet.block().forward(store, new NDList(images), true).singletonOrThrow();
        collector.backward(logits.square().sum());
      }
      float[] gradient = alpha.getGradient().toFloatArray();
      for (int e = 0; e < Nb201Cell.EDGES; e++) {
        float[] row = Arrays.copyOfRange(gradient, e * Nb201Operation.count(), (e + 1) * Nb201Operation.count());
        assertThat(row).as("edge %d", e).doesNotContain(Float.NaN).isNotEqualTo(new float[row.length]);
      }
    }
  }

  @Test
  void everyBatchNormIsASupernetBatchNormInTheSharedMode() {
    Supernet supernet = space.supernet(SHAPE);
    List<Block> blocks = new ArrayList<>();
    collect(supernet.block(), blocks);
    assertThat(blocks).noneMatch(b -> b instanceof BatchNorm);
    // stem, 2 x 6 edges x 2 convolutions per cell, 2 per reduction, the classifier's
    int cells = SHAPE.stacks() * SHAPE.cellsPerStack();
    assertThat(blocks.stream().filter(b -> b instanceof SupernetBatchNorm))
        .hasSize(1 + cells * Nb201Cell.EDGES * 2 + (SHAPE.stacks() - 1) * 2 + 1);

    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      Engine.getInstance().setRandomSeed(19);
      supernet.block().initialize(manager, DataType.FLOAT32, INPUT);
      randomizeNorms(supernet.block(), manager);
      ParameterStore store = new ParameterStore(manager, false);
      NDArray images = manager.randomNormal(INPUT);
      // a uniform mixture runs every layer
      List<NDArray> uniform = new ArrayList<>();
      for (int e = 0; e < Nb201Cell.EDGES; e++) {
        uniform.add(manager.full(new Shape(Nb201Operation.count()), 1f / Nb201Operation.count()));
      }
      supernet.mix(uniform);
      List<float[]> before = statistics(supernet.block());
      // the first recalibration batch replaces every layer's statistics with the batch's, so
      // a second pass over the same batch changes nothing if every layer follows the mode
      supernet.batchNorm().cumulativeBatch(0);
      forward(supernet.block(), store, images, true);
      List<float[]> once = statistics(supernet.block());
      forward(supernet.block(), store, images, true);
      List<float[]> twice = statistics(supernet.block());
      supernet.batchNorm().training();
      for (int i = 0; i < before.size(); i++) {
        assertThat(once.get(i)).as("statistics %d updated", i).isNotEqualTo(before.get(i));
        assertThat(twice.get(i)).as("statistics %d replaced", i).containsExactly(once.get(i), Offset.offset(1e-5f));
      }
    }
  }

  private static void collect(Block block, List<Block> into) {
    into.add(block);
    for (Block child : block.getChildren().values()) {
      collect(child, into);
    }
  }

  private static List<float[]> statistics(Block block) {
    List<float[]> all = new ArrayList<>();
    for (Pair<String, Parameter> p : block.getParameters()) {
      Parameter.Type type = p.getValue().getType();
      if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
        all.add(p.getValue().getArray().toFloatArray());
      }
    }
    return all;
  }

  @Test
  void runningBeforeActivatingFails() {
    Supernet supernet = space.supernet(SHAPE);
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      supernet.block().initialize(manager, DataType.FLOAT32, INPUT);
      ParameterStore store = new ParameterStore(manager, false);
      assertThatThrownBy(() -> forward(supernet.block(), store, manager.zeros(INPUT), false))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("activate");
    }
  }

  @Test
  void mixtureWeightsOfTheWrongSizesAreRejected() {
    Supernet supernet = space.supernet(SHAPE);
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      List<NDArray> good = new ArrayList<>();
      for (int e = 0; e < Nb201Cell.EDGES; e++) {
        good.add(manager.ones(new Shape(Nb201Operation.count())));
      }
      supernet.mix(good);

      assertThatThrownBy(() -> supernet.mix(good.subList(0, 5)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("one weight vector per edge decision (6), got 5");
      List<NDArray> seven = new ArrayList<>(good);
      seven.add(manager.ones(new Shape(Nb201Operation.count())));
      assertThatThrownBy(() -> supernet.mix(seven))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("got 7");
      List<NDArray> short4 = new ArrayList<>(good);
      short4.set(2, manager.ones(new Shape(4)));
      assertThatThrownBy(() -> supernet.mix(short4))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("edge-2<-1")
          .hasMessageContaining("(4)");
      // five weights, but not a vector: each is one option's weight
      List<NDArray> matrix = new ArrayList<>(good);
      matrix.set(5, manager.ones(new Shape(1, Nb201Operation.count())));
      assertThatThrownBy(() -> supernet.mix(matrix))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("edge-3<-2");
    }
  }

  @Test
  void strictlyFairPathsUseEveryOperationOfEveryEdgeOnce() {
    SplittableRandom random = new SplittableRandom(3);
    int steps = 300;
    int ops = Nb201Operation.count();
    int[][] uses = new int[Nb201Cell.EDGES][ops];
    Set<List<String>> distinct = new HashSet<>();
    for (int step = 0; step < steps; step++) {
      List<Architecture> paths = space.strictlyFairPaths(random);
      assertThat(paths).hasSize(ops);
      for (int e = 0; e < Nb201Cell.EDGES; e++) {
        Set<Integer> chosen = new HashSet<>();
        for (Architecture path : paths) {
          chosen.add(path.choice(e));
          uses[e][path.choice(e)]++;
        }
        assertThat(chosen).as("step %d, edge %d", step, e).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
      }
      // they are architectures of the space
      paths.forEach(p -> assertThat(space.decode(p.choices())).isEqualTo(p));
      distinct.add(paths.stream().map(Architecture::label).toList());
    }
    for (int[] edge : uses) {
      assertThat(edge).containsOnly(steps);
    }
    // the permutations are drawn, not fixed
    assertThat(distinct).hasSizeGreaterThan(steps / 2);
  }

  @Test
  void strictlyFairPathsDependOnlyOnTheGivenGenerator() {
    SplittableRandom a = new SplittableRandom(42);
    SplittableRandom b = new SplittableRandom(42);
    for (int step = 0; step < 20; step++) {
      assertThat(space.strictlyFairPaths(a)).isEqualTo(space.strictlyFairPaths(b));
    }
  }
}
