package org.evalnas.api.space;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * A search space: the set of architectures a policy chooses from.
 *
 * <p>Implementations are immutable and thread-safe once built.
 */
public interface SearchSpace {

  /** The space's name, e.g. {@code nasbench201}. */
  String name();

  /** The decisions every architecture is a choice vector over. */
  List<Decision> decisions();

  /**
   * Decodes a choice vector.
   *
   * @throws InvalidArchitectureException when the vector is out of range or names an invalid
   *     architecture, with the reason
   */
  Architecture decode(int[] choices);

  /** Decodes a choice vector, or empty when it is invalid. */
  default Optional<Architecture> tryDecode(int[] choices) {
    try {
      return Optional.of(decode(choices));
    } catch (InvalidArchitectureException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses the human-readable form {@link Architecture#label()} back.
   *
   * @throws InvalidArchitectureException when the text is not an architecture of this space
   */
  Architecture parse(String label);

  /**
   * The number of architectures {@link #enumerate()} yields, when the space is finite and
   * enumerable.
   */
  OptionalLong size();

  /**
   * Every architecture the space defines, each once, in the space's official order when it
   * has one. For a benchmark space this is every benchmark entry; the number of unique
   * (non-isomorphic) ones is {@link #uniqueSize()}.
   *
   * @throws UnsupportedOperationException when the space is not enumerable
   */
  Stream<Architecture> enumerate();

  /** The number of distinct canonical ids, when known. */
  OptionalLong uniqueSize();

  /**
   * Draws an architecture uniformly over the <em>unique</em> architectures (canonical ids),
   * not over encodings. This is what the random baseline means.
   */
  Architecture sampleUniform(RandomGenerator random);
}
