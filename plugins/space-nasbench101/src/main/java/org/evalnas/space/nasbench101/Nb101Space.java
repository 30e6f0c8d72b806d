package org.evalnas.space.nasbench101;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.Decision;
import org.evalnas.api.space.InvalidArchitectureException;
import org.evalnas.api.space.SearchSpace;
import org.evalnas.nn.evaluate.NetworkShape;
import org.evalnas.nn.supernet.FairPermutation;
import org.evalnas.nn.supernet.Supernet;
import org.evalnas.nn.supernet.SupernetSpace;
import org.evalnas.space.nasbench101.network.Nb101Supernet;
import java.util.ArrayList;
import org.evalnas.space.nasbench101.enumerate.CellCatalog;
import org.evalnas.space.nasbench101.enumerate.CellEnumerator;
import org.evalnas.space.nasbench101.network.Nb101Network;
import org.evalnas.space.nasbench101.spec.CellHasher;
import org.evalnas.space.nasbench101.spec.CellOp;
import org.evalnas.space.nasbench101.spec.CellLabel;
import org.evalnas.space.nasbench101.spec.CellSpec;
import org.evalnas.space.nasbench101.spec.CellValidator;
import org.evalnas.space.nasbench101.spec.CellVerdict;

/**
 * The NAS-Bench-101 space: the unique cells with at most V vertices (at most 9 edges, three
 * operations) that a {@link CellEncoding} reaches.
 *
 * <p>An architecture's id is the official hash of its pruned cell, its label the {@link
 * CellLabel} of the pruned cell, its choices the vector it was decoded from. {@link #enumerate()}
 * and {@link #sampleUniform} give one architecture per unique cell, the representative of the
 * official generator's order ({@link CellEnumerator}) with the vector that encodes it exactly;
 * there are as many architectures as unique cells, so {@link #size()} equals {@link
 * #uniqueSize()}. Immutable and thread-safe.
 */
public final class Nb101Space implements SearchSpace, SupernetSpace {
  /** The space's name. */
  public static final String NAME = "nasbench101";

  private static final ThreadLocal<CellHasher> HASHERS = ThreadLocal.withInitial(CellHasher::new);

  private final int maxVertices;
  private final CellEncoding encoding;
  private final CellCatalog catalog;
  /** The catalog indices of the space's cells, ascending. */
  private final int[] members;
  /** For encodings that reach only some cells: the vector of each member; else null. */
  private final int[][] memberChoices;

  private Nb101Space(int maxVertices, CellEncoding encoding, CellCatalog catalog, int[] members,
      int[][] memberChoices) {
    this.maxVertices = maxVertices;
    this.encoding = encoding;
    this.catalog = catalog;
    this.members = members;
    this.memberChoices = memberChoices;
  }

  /**
   * The space of cells with at most {@code maxVertices} vertices in the general edge encoding.
   */
  public static Nb101Space withEdges(int maxVertices) {
    CellCatalog catalog = CellEnumerator.enumerate(maxVertices);
    return new Nb101Space(maxVertices, new EdgeEncoding(maxVertices), catalog,
        IntStream.range(0, catalog.size()).toArray(), null);
  }

  /**
   * The space of the cells the seed paper's one-parent encoding reaches with {@code maxVertices}
   * vertices; each cell is represented by the first (lexicographically smallest) vector that
   * reaches it.
   */
  public static Nb101Space withOneParent(int maxVertices) {
    CellCatalog catalog = CellEnumerator.enumerate(maxVertices);
    OneParentEncoding encoding = new OneParentEncoding(maxVertices);
    int[][] byCell = new int[catalog.size()][];
    CellHasher hasher = new CellHasher();
    List<Decision> decisions = encoding.decisions();
    int[] choices = new int[decisions.size()];
    do {
      CellVerdict verdict = CellValidator.check(encoding.cell(choices));
      if (verdict.valid()) {
        int cell = catalog.indexOf(hasher.hash(verdict.pruned())).orElseThrow();
        if (byCell[cell] == null) {
          byCell[cell] = choices.clone();
        }
      }
    } while (next(choices, decisions));
    int[] members = IntStream.range(0, catalog.size()).filter(i -> byCell[i] != null).toArray();
    int[][] memberChoices = new int[members.length][];
    for (int k = 0; k < members.length; k++) {
      memberChoices[k] = byCell[members[k]];
    }
    return new Nb101Space(maxVertices, encoding, catalog, members, memberChoices);
  }

  /** Advances a vector to the next in lexicographic order; false after the last. */
  private static boolean next(int[] choices, List<Decision> decisions) {
    for (int d = choices.length - 1; d >= 0; d--) {
      if (++choices[d] < decisions.get(d).size()) {
        return true;
      }
      choices[d] = 0;
    }
    return false;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The largest vertex count of the space's cells. */
  public int maxVertices() {
    return maxVertices;
  }

  /** The encoding's config name: {@code edges} or {@code one-parent}. */
  public String encodingName() {
    return encoding.name();
  }

  /** The unique cells with at most {@link #maxVertices()} vertices, in the generator's order. */
  public CellCatalog catalog() {
    return catalog;
  }

  @Override
  public List<Decision> decisions() {
    return encoding.decisions();
  }

  @Override
  public Architecture decode(int[] choices) {
    CellVerdict verdict = CellValidator.check(encoding.cell(choices));
    if (!verdict.valid()) {
      throw new InvalidArchitectureException(verdict.reason());
    }
    CellSpec pruned = verdict.pruned();
    return new Architecture(HASHERS.get().hash(pruned), choices, CellLabel.format(pruned));
  }

  @Override
  public Architecture parse(String label) {
    CellSpec spec;
    try {
      spec = CellLabel.parse(label);
    } catch (IllegalArgumentException e) {
      throw new InvalidArchitectureException(e.getMessage());
    }
    CellVerdict verdict = CellValidator.check(spec);
    if (!verdict.valid()) {
      throw new InvalidArchitectureException(verdict.reason());
    }
    int[] choices = encoding.encode(verdict.pruned()).orElseThrow(() ->
        new InvalidArchitectureException("the " + encoding.name() + " encoding with at most "
            + maxVertices + " vertices cannot express the cell " + label));
    return decode(choices);
  }

  @Override
  public OptionalLong size() {
    return OptionalLong.of(members.length);
  }

  @Override
  public OptionalLong uniqueSize() {
    return OptionalLong.of(members.length);
  }

  @Override
  public Stream<Architecture> enumerate() {
    return IntStream.range(0, members.length).mapToObj(this::member);
  }

  @Override
  public Architecture sampleUniform(RandomGenerator random) {
    return member(random.nextInt(members.length));
  }

  /** Whether the space has the cell with this official hash. */
  public boolean contains(String hash) {
    return memberOf(hash).isPresent();
  }

  /** The space's architecture for an official hash (its representative), if the space has it. */
  public Optional<Architecture> byHash(String hash) {
    OptionalInt k = memberOf(hash);
    return k.isPresent() ? Optional.of(member(k.getAsInt())) : Optional.empty();
  }

  private OptionalInt memberOf(String hash) {
    OptionalInt cell = catalog.indexOf(hash);
    if (cell.isEmpty()) {
      return OptionalInt.empty();
    }
    int k = Arrays.binarySearch(members, cell.getAsInt());
    return k >= 0 ? OptionalInt.of(k) : OptionalInt.empty();
  }

  /** The k-th member as an architecture. */
  private Architecture member(int k) {
    int cell = members[k];
    CellSpec spec = catalog.spec(cell);
    int[] choices = memberChoices != null
        ? memberChoices[k]
        : encoding.encode(spec).orElseThrow();
    String label = memberChoices != null
        ? CellLabel.format(CellValidator.check(encoding.cell(choices)).pruned())
        : CellLabel.format(spec);
    return new Architecture(catalog.hash(cell), choices, label);
  }

  /** The pruned cell of one of the space's architectures. */
  public CellSpec cell(Architecture architecture) {
    OptionalInt cell = catalog.indexOf(architecture.id());
    if (cell.isEmpty()) {
      throw new InvalidArchitectureException(
          "no NAS-Bench-101 cell has the hash " + architecture.id());
    }
    return catalog.spec(cell.getAsInt());
  }

  @Override
  public NetworkShape paperShape(int inputChannels, int classes) {
    return Nb101Network.paperShape(inputChannels, classes);
  }

  @Override
  public ai.djl.nn.Block network(Architecture architecture, NetworkShape shape) {
    return Nb101Network.build(cell(architecture), shape);
  }

  /**
   * The path an architecture's choice vector runs in a supernet: the cell it encodes, pruned,
   * with its vertices where the vector put them (not renumbered as the canonical cell is), so
   * that the vector's operation at vertex {@code v} trains vertex {@code v}'s weights.
   */
  public CellSpec path(Architecture architecture) {
    CellVerdict verdict = CellValidator.check(encoding.cell(architecture.choices()));
    if (!verdict.valid()) {
      throw new InvalidArchitectureException(verdict.reason());
    }
    return verdict.pruned();
  }

  @Override
  public Supernet supernet(NetworkShape shape) {
    return new Nb101Supernet(maxVertices, decisions(), this::path, shape);
  }

  /**
   * Three paths (one per operation) sharing one topology drawn by uniform choices over the
   * encoding's non-operation decisions, redrawn until no vertex is pruned away; at every
   * interior vertex the three paths take a random permutation of the three operations.
   */
  @Override
  public List<Architecture> strictlyFairPaths(RandomGenerator random) {
    List<Decision> decisions = decisions();
    int[] opDecision = new int[maxVertices];
    for (int d = 0; d < decisions.size(); d++) {
      String name = decisions.get(d).name();
      if (name.startsWith("op-")) {
        opDecision[Integer.parseInt(name.substring(3))] = d;
      }
    }
    int paths = CellOp.INTERIOR.size();
    for (int attempt = 0; attempt < 100_000; attempt++) {
      int[] topology = new int[decisions.size()];
      for (int d = 0; d < topology.length; d++) {
        topology[d] = random.nextInt(decisions.get(d).size());
      }
      int[][] permutation = new int[maxVertices][];
      for (int v = 1; v < maxVertices - 1; v++) {
        permutation[v] = FairPermutation.of(paths, random);
      }
      List<Architecture> fair = new ArrayList<>(paths);
      for (int k = 0; k < paths; k++) {
        int[] choices = topology.clone();
        for (int v = 1; v < maxVertices - 1; v++) {
          choices[opDecision[v]] = permutation[v][k];
        }
        CellVerdict verdict = CellValidator.check(encoding.cell(choices));
        if (!verdict.valid() || verdict.pruned().vertices() != maxVertices) {
          break;
        }
        Architecture a = decode(choices);
        if (!contains(a.id())) {
          break;
        }
        fair.add(a);
      }
      if (fair.size() == paths) {
        return List.copyOf(fair);
      }
    }
    throw new IllegalStateException("no topology keeps all " + maxVertices + " vertices of " + this);
  }

  @Override
  public String toString() {
    return NAME + "(max-vertices=" + maxVertices + ", encoding=" + encoding.name() + ", "
        + members.length + " cells)";
  }
}
