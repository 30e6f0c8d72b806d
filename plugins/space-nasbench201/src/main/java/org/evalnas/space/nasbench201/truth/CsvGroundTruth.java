package org.evalnas.space.nasbench201.truth;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.evalnas.api.truth.TruthRecord;
import org.evalnas.space.nasbench201.Nb201Space;

/** A complete table read from a CSV file by {@link CsvTableReader}; immutable. */
final class CsvGroundTruth extends IndexedGroundTruth {
  private final TruthRecord[] records;

  CsvGroundTruth(
      Nb201Space space,
      Path source,
      Set<String> metrics,
      TruthRecord[] records,
      GroundTruthSettings settings) {
    super(space, source, metrics, settings);
    this.records = records.clone();
  }

  @Override
  Optional<TruthRecord> record(int index) {
    return Optional.of(records[index]);
  }

  @Override
  int[] coveredIndices() {
    return IntStream.range(0, records.length).toArray();
  }
}
