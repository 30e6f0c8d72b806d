package org.evalnas.space.nasbench101.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.evalnas.api.space.Architecture;
import org.evalnas.nn.evaluate.NetworkShape;
import org.evalnas.nn.supernet.SlicedConvBnRelu;
import org.evalnas.nn.supernet.Supernet;
import org.evalnas.space.nasbench101.Nb101Space;
import org.evalnas.space.nasbench101.spec.CellOp;
import org.evalnas.space.nasbench101.spec.CellSpec;
import org.junit.jupiter.api.Test;

class Nb101SupernetTest {
  // odd channels, so that the output's channels split unevenly and vertices get truncated inputs
  private static final NetworkShape SHAPE = new NetworkShape(1, 10, 5, 2, 1);
  private static final Shape INPUT = new Shape(3, 1, 8, 8);

  @Test
  void everySinglePathOfTheFourVertexSpaceComputesItsStandaloneNetwork() {
    Nb101Space space = Nb101Space.withEdges(4);
    List<Architecture> all = space.enumerate().toList();
    assertThat(all).hasSize(91);
    assertThat(samePathAsStandalone(space, all)).isEqualTo(91);
  }

  @Test
  void singlePathsOfTheFiveVertexSpaceComputeTheirStandaloneNetworks() {
    Nb101Space space = Nb101Space.withEdges(5);
    SplittableRandom random = new SplittableRandom(5);
    List<Architecture> sample = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      sample.add(space.sampleUniform(random));
    }
    assertThat(samePathAsStandalone(space, sample)).isEqualTo(40);
  }

  /** Compares each path with its standalone network in both modes; returns how many matched. */
  private static int samePathAsStandalone(Nb101Space space, List<Architecture> paths) {
    Supernet supernet = space.supernet(SHAPE);
    int matched = 0;
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      Engine.getInstance().setRandomSeed(3);
      supernet.block().initialize(manager, DataType.FLOAT32, INPUT);
      // non-trivial running statistics, so that inference mode is really compared
      for (Pair<String, Parameter> p : supernet.block().getParameters()) {
        NDArray a = p.getValue().getArray();
        if (p.getValue().getType() == Parameter.Type.RUNNING_MEAN) {
          a.set(manager.randomNormal(0, 0.1f, a.getShape(), DataType.FLOAT32).toFloatArray());
        } else if (p.getValue().getType() == Parameter.Type.RUNNING_VAR) {
          a.set(manager.randomUniform(0.5f, 1.5f, a.getShape()).toFloatArray());
        }
      }
      NDArray images = manager.randomNormal(INPUT);
      ParameterStore store = new ParameterStore(manager, false);
      for (Architecture path : paths) {
        CellSpec cell = space.path(path);
        Block standalone = Nb101Network.build(cell, SHAPE);
        try (NDManager sub = manager.newSubManager()) {
          standalone.initialize(sub, DataType.FLOAT32, INPUT);
          copyWeights(supernet.block(), standalone, cell);
          supernet.activate(path);
          NDArray expected = standalone.forward(store, new NDList(images), false).singletonOrThrow();
          NDArray actual = supernet.block().forward(store, new NDList(images), false).singletonOrThrow();
          assertThat(actual.toFloatArray()).as(path.label()).containsExactly(expected.toFloatArray(), org.assertj.core.data.Offset.offset(1e-5f));
          // training mode: batch statistics; both update their running statistics alike
          NDArray expectedTraining = standalone.forward(store, new NDList(images), true).singletonOrThrow();
          NDArray actualTraining = supernet.block().forward(store, new NDList(images), true).singletonOrThrow();
          assertThat(actualTraining.toFloatArray()).as(path.label()).containsExactly(expectedTraining.toFloatArray(), org.assertj.core.data.Offset.offset(1e-4f));
          matched++;
        }
      }
    }
    return matched;
  }

  /** Copies the supernet's weights of a path into the standalone network of its cell. */
  private static void copyWeights(Block supernet, Block standalone, CellSpec cell) {
    List<Block> superLayers = new ArrayList<>(supernet.getChildren().values());
    List<Block> layers = new ArrayList<>(standalone.getChildren().values());
    assertThat(layers).hasSameSizeAs(superLayers);
    int vertices = cell.vertices();
    for (int i = 0; i < layers.size(); i++) {
      Block from = superLayers.get(i);
      Block to = layers.get(i);
      if (from instanceof SlicedConvBnRelu stem) {
        copyConvBnRelu(stem, to);
      } else if (from instanceof Nb101SupernetCell superCell) {
        Map<String, Block> sliced = byName(superCell);
        int superOutput = maxVertex(sliced);
        for (Map.Entry<String, Block> e : byName(to).entrySet()) {
          String name = e.getKey();
          int v = Integer.parseInt(name.replaceAll("\\D", ""));
          if (name.startsWith("projection")) {
            copyConvBnRelu((SlicedConvBnRelu) sliced.get("projection" + (v == vertices - 1 ? superOutput : v)), e.getValue());
          } else {
            CellOp op = CellOp.byOfficialName(cell.ops().get(v)).orElseThrow();
            String kind = op == CellOp.CONV3X3 ? "conv3x3-" : "conv1x1-";
            copyConvBnRelu((SlicedConvBnRelu) sliced.get(kind + v), e.getValue());
          }
        }
      } else {
        copySame(from, to);
      }
    }
  }

  private static int maxVertex(Map<String, Block> sliced) {
    return sliced.keySet().stream()
        .filter(n -> n.startsWith("projection"))
        .mapToInt(n -> Integer.parseInt(n.substring("projection".length())))
        .max()
        .orElseThrow();
  }

  /** Children by name without DJL's two-digit index prefix. */
  private static Map<String, Block> byName(Block block) {
    Map<String, Block> map = new HashMap<>();
    for (Pair<String, Block> c : block.getChildren()) {
      map.put(c.getKey().substring(2), c.getValue());
    }
    return map;
  }

  /** A standalone conv-bn-relu (conv, batch norm, relu) from the leading slice of a shared one. */
  private static void copyConvBnRelu(SlicedConvBnRelu from, Block to) {
    List<Block> parts = new ArrayList<>(to.getChildren().values());
    NDArray weight = parts.get(0).getParameters().get("weight").getArray();
    Shape s = weight.getShape();
    NDArray shared = from.getDirectParameters().get("weight").getArray();
    weight.set(shared.get(new NDIndex(":{}, :{}", s.get(0), s.get(1))).toFloatArray());
    Block norm = from.getChildren().values().get(0);
    for (Pair<String, Parameter> p : parts.get(1).getParameters()) {
      NDArray target = p.getValue().getArray();
      NDArray source = norm.getDirectParameters().get(p.getKey()).getArray();
      target.set(source.get(new NDIndex(":{}", target.getShape().get(0))).toFloatArray());
    }
  }

  private static void copySame(Block from, Block to) {
    for (Pair<String, Parameter> p : to.getParameters()) {
      p.getValue().getArray().set(from.getParameters().get(p.getKey()).getArray().toFloatArray());
    }
  }

  @Test
  void strictlyFairPathsUseEveryOperationOfEveryVertexOnce() {
    for (int vertices = 3; vertices <= 5; vertices++) {
      Nb101Space space = Nb101Space.withEdges(vertices);
      SplittableRandom random = new SplittableRandom(vertices);
      for (int step = 0; step < 50; step++) {
        List<Architecture> paths = space.strictlyFairPaths(random);
        assertThat(paths).hasSize(3);
        for (int v = 1; v < vertices - 1; v++) {
          List<String> ops = new ArrayList<>();
          for (Architecture path : paths) {
            CellSpec cell = space.path(path);
            assertThat(cell.vertices()).as("no vertex pruned").isEqualTo(vertices);
            ops.add(cell.ops().get(v));
          }
          assertThat(ops).containsExactlyInAnyOrder("conv3x3-bn-relu", "conv1x1-bn-relu", "maxpool3x3");
        }
        // one topology shared by the three paths
        assertThat(paths.stream().map(p -> java.util.Arrays.deepToString(space.path(p).matrix())).distinct()).hasSize(1);
      }
    }
  }

  @Test
  void aOneHotMixtureOfTheCompleteCellIsThatCell() {
    Nb101Space space = Nb101Space.withEdges(4);
    Supernet supernet = space.supernet(SHAPE);
    try (NDManager manager = Engine.getInstance().newBaseManager()) {
      supernet.block().initialize(manager, DataType.FLOAT32, INPUT);
      ParameterStore store = new ParameterStore(manager, false);
      NDArray images = manager.randomNormal(INPUT);
      // the complete 4-vertex DAG with conv3x3 at vertex 1 and maxpool at vertex 2
      int[] choices = {1, 1, 1, 1, 1, 1, 0, 2};
      Architecture complete = space.decode(choices);
      supernet.activate(complete);
      float[] single = supernet.block().forward(store, new NDList(images), false).singletonOrThrow().toFloatArray();
      List<NDArray> weights = new ArrayList<>();
      for (int d = 0; d < choices.length; d++) {
        float[] oneHot = new float[space.decisions().get(d).size()];
        oneHot[choices[d]] = 1;
        weights.add(manager.create(oneHot));
      }
      supernet.mix(weights);
      float[] mixed = supernet.block().forward(store, new NDList(images), false).singletonOrThrow().toFloatArray();
      assertThat(mixed).containsExactly(single, org.assertj.core.data.Offset.offset(1e-5f));
      assertThatThrownBy(() -> supernet.mix(weights.subList(0, 3)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("one weight vector per decision");
    }
  }
}
