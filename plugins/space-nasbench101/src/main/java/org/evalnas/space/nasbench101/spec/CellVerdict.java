package org.evalnas.space.nasbench101.spec;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@link CellValidator} found about a cell.
 *
 * @param original the cell as given
 * @param pruned the cell after pruning, or {@code null} when the input does not reach the output
 * @param reason why the cell is not in the benchmark's domain, or {@code null} when it is
 */
public record CellVerdict(CellSpec original, CellSpec pruned, String reason) {

  /** Whether the cell is in the benchmark's domain ({@code NASBench.is_valid}). */
  public boolean valid() {
    return reason == null;
  }

  /** The pruned cell, when pruning left a connected cell (valid or not). */
  public Optional<CellSpec> prunedSpec() {
    return Optional.ofNullable(pruned);
  }

  /** The number of edges after pruning, when pruning left a connected cell. */
  public OptionalInt edges() {
    return pruned == null ? OptionalInt.empty() : OptionalInt.of(pruned.edgeCount());
  }

  /** The reason the cell is invalid, empty when it is valid. */
  public Optional<String> invalidReason() {
    return Optional.ofNullable(reason);
  }
}
