package org.evalnas.testkit.fake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.evalnas.api.space.Architecture;
import org.evalnas.api.space.Decision;
import org.evalnas.api.space.InvalidArchitectureException;
import org.evalnas.api.space.SearchSpace;

/**
 * A tiny tabular search space with isomorphic encodings, for tests.
 *
 * <p>{@code n} decisions ({@code d0}, {@code d1}, ...) each pick one of {@code k} options
 * ({@code op0}, {@code op1}, ...). Decisions {@code d0} and {@code d1} are interchangeable (think
 * of two parallel edges feeding the same node): swapping them gives the same function, so the
 * canonical id sorts them. Hence there are {@code k^n} encodings but only {@code k(k+1)/2 *
 * k^(n-2)} unique architectures; the {@linkplain #standard() standard} space (4 decisions x 3
 * options) has 81 encodings and 54 unique architectures.
 *
 * <p>Labels list the options of the encoding, e.g. {@code op2|op0|op1|op1}; ids list the
 * canonical choices, e.g. {@code 0-2-1-1}. Every encoding is valid.
 */
public final class FakeSearchSpace implements SearchSpace {

  /** The name providers and configs use. */
  public static final String NAME = "fake";

  private static final String SEPARATOR = "|";

  private final List<Decision> decisions;
  private final int options;

  /**
   * @param decisions the number of decisions, at least 2 (the first two are interchangeable)
   * @param options the number of options of every decision, at least 2
   */
  public FakeSearchSpace(int decisions, int options) {
    if (decisions < 2 || options < 2) {
      throw new IllegalArgumentException(
          "need >= 2 decisions of >= 2 options, got " + decisions + " x " + options);
    }
    List<String> optionNames = IntStream.range(0, options).mapToObj(o -> "op" + o).toList();
    List<Decision> list = new ArrayList<>();
    for (int d = 0; d < decisions; d++) {
      list.add(new Decision("d" + d, optionNames));
    }
    this.decisions = List.copyOf(list);
    this.options = options;
  }

  /** The standard fake space: 4 decisions x 3 options, 81 encodings, 54 unique. */
  public static FakeSearchSpace standard() {
    return new FakeSearchSpace(4, 3);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public List<Decision> decisions() {
    return decisions;
  }

  /** The number of options of every decision. */
  public int options() {
    return options;
  }

  @Override
  public Architecture decode(int[] choices) {
    if (choices.length != decisions.size()) {
      throw new InvalidArchitectureException(
          "expected " + decisions.size() + " choices, got " + choices.length);
    }
    for (int d = 0; d < choices.length; d++) {
      if (choices[d] < 0 || choices[d] >= options) {
        throw new InvalidArchitectureException(
            "choice " + choices[d] + " of decision d" + d + " is not in [0, " + options + ")");
      }
    }
    return new Architecture(canonicalId(choices), choices, label(choices));
  }

  @Override
  public Architecture parse(String label) {
    String[] parts = label.split("\\" + SEPARATOR, -1);
    if (parts.length != decisions.size()) {
      throw new InvalidArchitectureException(
          "'" + label + "' has " + parts.length + " parts, expected " + decisions.size());
    }
    int[] choices = new int[parts.length];
    for (int d = 0; d < parts.length; d++) {
      choices[d] = decisions.get(d).options().indexOf(parts[d]);
      if (choices[d] < 0) {
        throw new InvalidArchitectureException(
            "'" + parts[d] + "' is not an option of decision d" + d + " in '" + label + "'");
      }
    }
    return decode(choices);
  }

  @Override
  public OptionalLong size() {
    return OptionalLong.of(power(options, decisions.size()));
  }

  @Override
  public Stream<Architecture> enumerate() {
    // lexicographic order of the choice vectors, the last decision varying fastest
    return LongStream.range(0, power(options, decisions.size()))
        .mapToObj(this::nthEncoding)
        .map(this::decode);
  }

  @Override
  public OptionalLong uniqueSize() {
    return OptionalLong.of(pairs() * power(options, decisions.size() - 2));
  }

  @Override
  public Architecture sampleUniform(RandomGenerator random) {
    // uniform over unique architectures: an unordered pair for (d0, d1), then the rest freely;
    // drawing d0 and d1 independently would favour unequal pairs two to one
    int pair = random.nextInt(Math.toIntExact(pairs()));
    int[] choices = new int[decisions.size()];
    int first = 0;
    while (pair >= options - first) {
      pair -= options - first;
      first++;
    }
    choices[0] = first;
    choices[1] = first + pair;
    for (int d = 2; d < choices.length; d++) {
      choices[d] = random.nextInt(options);
    }
    return decode(choices);
  }

  /** The canonical choice vector: {@code d0} and {@code d1} sorted. */
  public int[] canonical(int[] choices) {
    int[] canonical = choices.clone();
    if (canonical[0] > canonical[1]) {
      canonical[0] = choices[1];
      canonical[1] = choices[0];
    }
    return canonical;
  }

  private String canonicalId(int[] choices) {
    return Arrays.stream(canonical(choices))
        .mapToObj(Integer::toString)
        .collect(Collectors.joining("-"));
  }

  private String label(int[] choices) {
    return IntStream.range(0, choices.length)
        .mapToObj(d -> decisions.get(d).options().get(choices[d]))
        .collect(Collectors.joining(SEPARATOR));
  }

  private int[] nthEncoding(long n) {
    int[] choices = new int[decisions.size()];
    for (int d = choices.length - 1; d >= 0; d--) {
      choices[d] = (int) (n % options);
      n /= options;
    }
    return choices;
  }

  private long pairs() {
    return (long) options * (options + 1) / 2;
  }

  private static long power(int base, int exponent) {
    long result = 1;
    for (int i = 0; i < exponent; i++) {
      result = Math.multiplyExact(result, base);
    }
    return result;
  }
}
