package org.evalnas.api.space;

import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable architecture of a search space.
 *
 * <p>{@link #id()} is the canonical, isomorphism-invariant id: two architectures that compute
 * the same function share it. {@link #choices()} is the point in the space's decision vector
 * and tells encodings apart (isomorphic NAS-Bench-201 cells have different choices, and were
 * trained separately by the benchmark). Equality is on both.
 */
public final class Architecture {
  private final String id;
  private final int[] choices;
  private final String label;

  /**
   * @param id canonical, isomorphism-invariant id
   * @param choices the choice vector (copied)
   * @param label the human-readable form, e.g. the benchmark's architecture string
   */
  public Architecture(String id, int[] choices, String label) {
    this.id = Objects.requireNonNull(id, "id");
    this.choices = choices.clone();
    this.label = Objects.requireNonNull(label, "label");
  }

  /** The canonical, isomorphism-invariant id. */
  public String id() {
    return id;
  }

  /** A copy of the choice vector. */
  public int[] choices() {
    return choices.clone();
  }

  /** The choice made for decision {@code decision}. */
  public int choice(int decision) {
    return choices[decision];
  }

  /** The number of decisions. */
  public int length() {
    return choices.length;
  }

  /** The human-readable form. */
  public String label() {
    return label;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Architecture other
        && id.equals(other.id)
        && Arrays.equals(choices, other.choices);
  }

  @Override
  public int hashCode() {
    return 31 * id.hashCode() + Arrays.hashCode(choices);
  }

  @Override
  public String toString() {
    return label;
  }
}
