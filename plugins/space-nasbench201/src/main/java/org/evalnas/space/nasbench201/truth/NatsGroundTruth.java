package org.evalnas.space.nasbench201.truth;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.evalnas.api.InputException;
import org.evalnas.api.truth.TruthEntry;
import org.evalnas.api.truth.TruthRecord;
import org.evalnas.space.nasbench201.Nb201Cell;
import org.evalnas.space.nasbench201.Nb201Space;

/**
 * The NATS-Bench topology archive in its "simple" form: a directory with {@code
 * meta.pickle.pbz2} (the 15,625 architecture strings, {@code meta_archs}) and one {@code
 * NNNNNN.pickle.pbz2} per architecture ({@link NatsRecordReader}).
 *
 * <p>Opening reads the meta file (checking its list is the space's index order) and lists the
 * records present; records are read when first looked up and kept (thread-safe). A record is a
 * 330 KB pickle that takes milliseconds to decompress, so reading all 15,625 up front would
 * make every experiment pay for the whole table even when a search queries a hundred cells;
 * {@link #entries()} reads the missing ones in parallel. A partial directory (such as the
 * three-record sample) is a partial table: other architectures look up as empty. A corrupt
 * record is reported when it is read.
 */
final class NatsGroundTruth extends IndexedGroundTruth {
  static final String META = "meta.pickle.pbz2";
  private static final Pattern RECORD = Pattern.compile("(\\d+)\\.pickle\\.pbz2");

  private final Map<Integer, Path> files;
  private final int[] covered;
  private final NatsRecordReader reader;
  private final Map<Integer, TruthRecord> loaded = new ConcurrentHashMap<>();

  private NatsGroundTruth(
      Nb201Space space, Path directory, Map<Integer, Path> files, GroundTruthSettings settings) {
    super(space, directory, names(), settings);
    this.files = Map.copyOf(files);
    this.covered = files.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    this.reader =
        new NatsRecordReader(
            settings.natsEpochs(), NatsMetric.ofName(searchMetric()).orElseThrow());
  }

  private static java.util.Set<String> names() {
    return Arrays.stream(NatsMetric.values()).map(NatsMetric::metricName)
        .collect(Collectors.toSet());
  }

  static NatsGroundTruth open(Nb201Space space, Path directory, GroundTruthSettings settings) {
    Path meta = directory.resolve(META);
    if (!Files.isRegularFile(meta)) {
      throw new InputException(directory, null, "is not a NATS-Bench topology \"simple\" "
          + "directory: it has no " + META + ". " + GroundTruthSettings.HOW_TO_GET_DATA);
    }
    checkMeta(space, meta);
    Map<Integer, Path> files = listRecords(directory);
    return new NatsGroundTruth(space, directory, files, settings);
  }

  /** The meta file's architecture list must be exactly the space's index order. */
  private static void checkMeta(Nb201Space space, Path meta) {
    PickleTree tree = new PickleTree(meta);
    Map<?, ?> root = tree.map(PickleFile.read(meta), "the file");
    List<?> archs = tree.list(tree.get(root, "meta_archs", ""), "['meta_archs']");
    if (archs.size() != Nb201Cell.COUNT) {
      throw tree.fault("['meta_archs']", "lists " + archs.size() + " architectures, the "
          + "topology space has " + Nb201Cell.COUNT + " (is this the size-space archive?)");
    }
    for (int i = 0; i < archs.size(); i++) {
      String label = space.architecture(i).label();
      if (!label.equals(archs.get(i))) {
        throw tree.fault("['meta_archs'][" + i + "]", "is " + archs.get(i) + ", expected "
            + label);
      }
    }
  }

  private static Map<Integer, Path> listRecords(Path directory) {
    Map<Integer, Path> files = new TreeMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*.pickle.pbz2")) {
      for (Path file : entries) {
        Matcher m = RECORD.matcher(file.getFileName().toString());
        if (!m.matches()) {
          continue; // meta.pickle.pbz2
        }
        int index;
        try {
          index = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
          index = -1;
        }
        if (index < 0 || index >= Nb201Cell.COUNT) {
          throw new InputException(file, null, "is named for index " + m.group(1)
              + ", outside [0, " + Nb201Cell.COUNT + ")");
        }
        Path previous = files.put(index, file);
        if (previous != null) {
          throw new InputException(file, null, "holds index " + index + " like " + previous);
        }
      }
    } catch (IOException e) {
      throw new InputException(directory, null, "cannot be listed: " + e, e);
    }
    if (files.isEmpty()) {
      throw new InputException(directory, null, "has " + META + " but no architecture records "
          + "(000000.pickle.pbz2 ...)");
    }
    return files;
  }

  @Override
  Optional<TruthRecord> record(int index) {
    Path file = files.get(index);
    if (file == null) {
      return Optional.empty();
    }
    return Optional.of(
        loaded.computeIfAbsent(
            index, i -> reader.read(file, i, space.architecture(i).label())));
  }

  @Override
  int[] coveredIndices() {
    return covered.clone();
  }

  @Override
  public List<TruthEntry> entries() {
    // the first call reads every record; decompression dominates, so spread it over the cores
    Arrays.stream(covered).parallel().forEach(this::record);
    return super.entries();
  }
}
