package org.evalnas.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.Decision;
import org.evalnas.api.space.InvalidArchitectureException;
import org.evalnas.api.space.SearchSpace;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link SearchSpace} must keep. A space plugin's test extends this class
 * and supplies {@link #space()}; the hooks below bound the work for large spaces.
 *
 * <p>Checks: named, unique decisions; enumerated architectures decode and parse back to
 * themselves; {@code size()} and {@code uniqueSize()} agree with the enumeration; out-of-range
 * choice vectors are rejected; {@code sampleUniform} is deterministic for a seeded generator,
 * yields valid architectures, and is uniform over unique ids (a chi-square test, see {@link
 * UniformityCheck}).
 */
public abstract class SearchSpaceCompatibilityKit {

  /** The space under test. Called once per test; cache it if it is expensive to build. */
  protected abstract SearchSpace space();

  /** At most this many enumerated architectures are decoded and parsed back one by one. */
  protected long maxRoundTrips() {
    return 20_000;
  }

  /**
   * Whether to run the uniformity test: by default when the number of unique architectures is
   * known and at most 20,000, since the test draws 30 per unique architecture.
   */
  protected boolean testsUniformity(SearchSpace space) {
    OptionalLong unique = space.uniqueSize();
    return unique.isPresent() && unique.getAsLong() <= 20_000;
  }

  /** The seed of the sampling tests; fixed, so a pass is reproducible. */
  protected long samplingSeed() {
    return 20200426L;
  }

  @Test
  public void hasUniquelyNamedDecisions() {
    SearchSpace space = space();
    assertThat(space.name()).isNotBlank();
    List<Decision> decisions = space.decisions();
    assertThat(decisions).isNotEmpty();
    Set<String> names = decisions.stream().map(Decision::name).collect(Collectors.toSet());
    assertThat(names).as("decision names").hasSameSizeAs(decisions);
    assertThat(decisions).allSatisfy(d -> assertThat(d.name()).isNotBlank());
  }

  @Test
  public void enumeratedArchitecturesDecodeToThemselves() {
    SearchSpace space = space();
    assumeEnumerable(space);
    space
        .enumerate()
        .limit(maxRoundTrips())
        .forEach(
            a -> {
              assertThat(a.length()).isEqualTo(space.decisions().size());
              Architecture decoded = space.decode(a.choices());
              assertSame(decoded, a);
            });
  }

  @Test
  public void labelsParseBack() {
    SearchSpace space = space();
    assumeEnumerable(space);
    space.enumerate().limit(maxRoundTrips()).forEach(a -> assertSame(space.parse(a.label()), a));
  }

  @Test
  public void parseRejectsNonsense() {
    assertThatThrownBy(() -> space().parse("certainly not an architecture \u2603"))
        .isInstanceOf(InvalidArchitectureException.class);
  }

  @Test
  public void enumerationMatchesSize() {
    SearchSpace space = space();
    assumeEnumerable(space);
    assertThat(space.enumerate().count()).isEqualTo(space.size().getAsLong());
  }

  @Test
  public void distinctIdsMatchUniqueSize() {
    SearchSpace space = space();
    assumeEnumerable(space);
    assumeTrue(space.uniqueSize().isPresent(), "the space does not know its unique size");
    Set<String> ids = space.enumerate().map(Architecture::id).collect(Collectors.toSet());
    assertThat((long) ids.size()).isEqualTo(space.uniqueSize().getAsLong());
  }

  @Test
  public void decodeRejectsOutOfRangeChoices() {
    SearchSpace space = space();
    int[] valid = space.sampleUniform(new SplittableRandom(samplingSeed())).choices();
    int n = space.decisions().size();
    assertRejected(space, new int[n - 1]);
    assertRejected(space, new int[n + 1]);
    for (int d = 0; d < n; d++) {
      int[] low = valid.clone();
      low[d] = -1;
      assertRejected(space, low);
      int[] high = valid.clone();
      high[d] = space.decisions().get(d).size();
      assertRejected(space, high);
    }
  }

  @Test
  public void sampleUniformIsDeterministicForASeed() {
    SearchSpace space = space();
    SplittableRandom a = new SplittableRandom(samplingSeed());
    SplittableRandom b = new SplittableRandom(samplingSeed());
    for (int i = 0; i < 200; i++) {
      assertThat(space.sampleUniform(a)).isEqualTo(space.sampleUniform(b));
    }
  }

  @Test
  public void sampledArchitecturesAreValid() {
    SearchSpace space = space();
    SplittableRandom random = new SplittableRandom(samplingSeed());
    for (int i = 0; i < 1000; i++) {
      Architecture a = space.sampleUniform(random);
      assertThat(a.length()).isEqualTo(space.decisions().size());
      assertThat(space.decode(a.choices()).id()).as("id of %s", a).isEqualTo(a.id());
    }
  }

  @Test
  public void sampleUniformIsUniformOverUniqueIds() {
    SearchSpace space = space();
    assumeTrue(testsUniformity(space), "uniformity is not tested for this space");
    long classes = space.uniqueSize().getAsLong();
    int draws = Math.toIntExact(Math.max(30 * classes, 2_000));
    SplittableRandom random = new SplittableRandom(samplingSeed());
    List<String> ids = new ArrayList<>(draws);
    for (int i = 0; i < draws; i++) {
      ids.add(space.sampleUniform(random).id());
    }
    if (space.size().isPresent() && space.size().getAsLong() <= 1_000_000) {
      Set<String> known = space.enumerate().map(Architecture::id).collect(Collectors.toSet());
      assertThat(known).as("enumerated ids").containsAll(new HashSet<>(ids));
    }
    UniformityCheck.assertUniform(ids, classes);
  }

  private static void assumeEnumerable(SearchSpace space) {
    assumeTrue(space.size().isPresent(), "the space is not enumerable");
  }

  private static void assertSame(Architecture actual, Architecture expected) {
    assertThat(actual.id()).as("id of %s", expected).isEqualTo(expected.id());
    assertThat(actual.choices()).as("choices of %s", expected).isEqualTo(expected.choices());
    assertThat(actual.label()).as("label of %s", expected).isEqualTo(expected.label());
  }

  private static void assertRejected(SearchSpace space, int[] choices) {
    assertThatThrownBy(() -> space.decode(choices))
        .as("decode of %s", java.util.Arrays.toString(choices))
        .isInstanceOf(InvalidArchitectureException.class);
    assertThat(space.tryDecode(choices)).isEmpty();
  }
}
