package org.evalnas.evaluator.train;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.List;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.Decision;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.nn.evaluate.NetworkShape;
import org.evalnas.nn.evaluate.TrainableSpace;

/** Two architectures: a 3x3 or a 1x1 convolution before the pooling and the classifier. */
final class TinySpace implements SearchSpace, TrainableSpace {
  private static final List<String> KERNELS = List.of("3", "1");

  @Override
  public String name() {
    return "tiny";
  }

  @Override
  public List<Decision> decisions() {
    return List.of(new Decision("kernel", KERNELS));
  }

  @Override
  public Architecture decode(int[] choices) {
    return new Architecture("k" + KERNELS.get(choices[0]), choices, "k" + KERNELS.get(choices[0]));
  }

  @Override
  public Architecture parse(String label) {
    return decode(new int[] {KERNELS.indexOf(label.substring(1))});
  }

  @Override
  public OptionalLong size() {
    return OptionalLong.of(2);
  }

  @Override
  public Stream<Architecture> enumerate() {
    return Stream.of(decode(new int[] {0}), decode(new int[] {1}));
  }

  @Override
  public OptionalLong uniqueSize() {
    return OptionalLong.of(2);
  }

  @Override
  public Architecture sampleUniform(RandomGenerator random) {
    return decode(new int[] {random.nextInt(2)});
  }

  @Override
  public NetworkShape paperShape(int inputChannels, int classes) {
    return new NetworkShape(inputChannels, classes, 8, 1, 1);
  }

  @Override
  public Block network(Architecture architecture, NetworkShape shape) {
    int k = Integer.parseInt(KERNELS.get(architecture.choice(0)));
    return new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(k, k)).optPadding(new Shape(k / 2, k / 2))
            .setFilters(shape.channels()).build())
        .add(BatchNorm.builder().build())
        .add(Activation::relu)
        .add(Pool.globalAvgPool2dBlock())
        .add(Linear.builder().setUnits(shape.classes()).build());
  }
}
