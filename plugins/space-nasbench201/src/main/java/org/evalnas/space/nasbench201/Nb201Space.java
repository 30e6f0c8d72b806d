package org.evalnas.space.nasbench201;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.Decision;
import org.evalnas.api.space.InvalidArchitectureException;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.nn.evaluate.NetworkShape;
import org.evalnas.nn.supernet.FairPermutation;
import org.evalnas.nn.supernet.Supernet;
import org.evalnas.nn.supernet.SupernetSpace;
import org.evalnas.space.nasbench201.network.Nb201Network;
import org.evalnas.space.nasbench201.network.Nb201Supernet;

/**
 * The NAS-Bench-201 space: 6 edge decisions ({@code edge-1<-0 ... edge-3<-2}, in the official
 * string's order), each over the 5 operations of {@link Nb201Operation}.
 *
 * <ul>
 *   <li>{@link Architecture#label()} is the official architecture string; {@link
 *       Architecture#id()} the official unique string ({@link Nb201Cell#uniqueString()}).
 *   <li>{@link #enumerate()} yields all 15,625 cells in the benchmark's index order; {@link
 *       #index(Architecture)} gives a cell's index for ground-truth lookups.
 *   <li>{@link #sampleUniform(RandomGenerator)} picks one of the 6,466 canonical classes
 *       uniformly and returns its <em>representative</em>, the member with the lowest benchmark
 *       index. Every draw of a class returns the same cell, so the random baseline is scored
 *       with one fixed training run per class rather than with whichever isomorphic copy a
 *       draw happened to hit.
 *   <li>{@link #supernet(NetworkShape)} builds the weight-sharing supernet; a path is the cell
 *       of an architecture's choices, so isomorphic cells train different weights.
 * </ul>
 *
 * <p>Immutable and thread-safe. The tables behind it are built once per class loader (a few
 * tens of milliseconds) and shared by all instances.
 */
public final class Nb201Space implements SearchSpace, SupernetSpace {

  /** The name configs use for this space. */
  public static final String NAME = "nasbench201";

  private static final List<Decision> DECISIONS = decisionsOf();

  private final Nb201Catalog catalog;

  private Nb201Space(Nb201Catalog catalog) {
    this.catalog = catalog;
  }

  /** The space (all instances are equivalent; this one is shared). */
  public static Nb201Space create() {
    return new Nb201Space(Nb201Catalog.get());
  }

  private static List<Decision> decisionsOf() {
    List<Decision> decisions = new ArrayList<>(Nb201Cell.EDGES);
    for (int e = 0; e < Nb201Cell.EDGES; e++) {
      decisions.add(new Decision(Nb201Cell.edgeName(e), Nb201Operation.officialNames()));
    }
    return List.copyOf(decisions);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Decision> decisions() {
    return DECISIONS;
  }

  @Override
  public Architecture decode(int[] choices) {
    Nb201Cell.ofChoices(choices); // validates length and ranges, with the reason
    return catalog.architecture(catalog.indexOfChoices(choices));
  }

  @Override
  public Architecture parse(String label) {
    int index = label == null ? -1 : catalog.indexOfLabel(label);
    if (index >= 0) {
      return catalog.architecture(index);
    }
    // not an exact official string: the parser says what is wrong and where
    return catalog.architecture(catalog.indexOf(Nb201Cell.parse(label)));
  }

  /**
   * The benchmark index of an official architecture string (the position in NATS-Bench's
   * {@code meta_archs}), or -1 when the text is not exactly one.
   */
  public int indexOfLabel(String label) {
    return catalog.indexOfLabel(label);
  }

  /**
   * The official benchmark index (0..15,624) of an architecture of this space.
   *
   * @throws InvalidArchitectureException when it is not a NAS-Bench-201 cell
   */
  public int index(Architecture architecture) {
    int[] choices = architecture.choices();
    Nb201Cell.ofChoices(choices);
    return catalog.indexOfChoices(choices);
  }

  /** The architecture with a benchmark index. */
  public Architecture architecture(int index) {
    if (index < 0 || index >= Nb201Cell.COUNT) {
      throw new IndexOutOfBoundsException(
          "NAS-Bench-201 index " + index + " is outside [0, " + Nb201Cell.COUNT + ")");
    }
    return catalog.architecture(index);
  }

  @Override
  public OptionalLong size() {
    return OptionalLong.of(Nb201Cell.COUNT);
  }

  @Override
  public Stream<Architecture> enumerate() {
    return catalog.all().stream();
  }

  @Override
  public OptionalLong uniqueSize() {
    return OptionalLong.of(catalog.classCount());
  }

  @Override
  public Architecture sampleUniform(RandomGenerator random) {
    return catalog.architecture(catalog.representative(random.nextInt(catalog.classCount())));
  }

  @Override
  public NetworkShape paperShape(int inputChannels, int classes) {
    return Nb201Network.paperShape(inputChannels, classes);
  }

  @Override
  public ai.djl.nn.Block network(Architecture architecture, NetworkShape shape) {
    return Nb201Network.build(Nb201Cell.ofChoices(architecture.choices()), shape);
  }

  @Override
  public Supernet supernet(NetworkShape shape) {
    return new Nb201Supernet(shape);
  }

  /**
   * Five paths: each edge takes an independent, uniformly random permutation of the five
   * operations, path {@code k} its {@code k}-th. Every decision is an operation, so nothing is
   * shared between the paths but the cell's fixed wiring.
   */
  @Override
  public List<Architecture> strictlyFairPaths(RandomGenerator random) {
    int ops = Nb201Operation.count();
    int[][] permutations = new int[Nb201Cell.EDGES][];
    for (int e = 0; e < Nb201Cell.EDGES; e++) {
      permutations[e] = FairPermutation.of(ops, random);
    }
    List<Architecture> paths = new ArrayList<>(ops);
    for (int k = 0; k < ops; k++) {
      int[] choices = new int[Nb201Cell.EDGES];
      for (int e = 0; e < Nb201Cell.EDGES; e++) {
        choices[e] = permutations[e][k];
      }
      paths.add(decode(choices));
    }
    return List.copyOf(paths);
  }

  @Override
  public String toString() {
    return NAME;
  }
}
