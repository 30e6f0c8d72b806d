package org.evalnas.nn.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.evalnas.api.InputException;

/**
 * Finds a dataset's files and reads them. The directories, in order:
 *
 * <ol>
 *   <li>the configured directory, when there is one;
 *   <li>the system's, {@code /usr/share/datasets/<name>} (where Debian's {@code
 *       dataset-fashion-mnist} puts Fashion-MNIST);
 *   <li>the user cache, {@code ~/.cache/evalnas/datasets/<name>} ({@code $XDG_CACHE_HOME} when
 *       set);
 * </ol>
 *
 * <p>and when none holds the files and downloads are allowed, the published files are
 * downloaded into the cache, each verified against its published checksum. A directory holds a
 * dataset when it has all of its files: for MNIST-likes the four IDX files, gzipped or not; for
 * CIFAR-10 the six {@code .bin} batches, directly or in a {@code cifar-10-batches-bin}
 * subdirectory.
 */
public final class DatasetLoader {
  /** The default system directory, holding one directory per dataset. */
  public static final Path SYSTEM_ROOT = Path.of("/usr/share/datasets");

  private final Optional<Path> directory;
  private final Path systemRoot;
  private final Path cacheRoot;
  private final boolean download;
  private final Downloader downloader;
  private final Map<DatasetId, Source> sources;

  private record Source(URI base, List<RemoteFile> files) {}

  private DatasetLoader(Builder b) {
    this.directory = Optional.ofNullable(b.directory);
    this.systemRoot = b.systemRoot;
    this.cacheRoot = b.cacheRoot;
    this.download = b.download;
    this.downloader = b.downloader;
    this.sources = new EnumMap<>(b.sources);
  }

  /** A builder with the defaults: no configured directory, downloads allowed. */
  public static Builder builder() {
    return new Builder();
  }

  /** The default cache root: {@code $XDG_CACHE_HOME/evalnas/datasets} or {@code ~/.cache/...}. */
  public static Path defaultCacheRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("evalnas").resolve("datasets");
  }

  /** The directories searched for {@code id}, in order. */
  public List<Path> searchPath(DatasetId id) {
    List<Path> dirs = new ArrayList<>();
    directory.ifPresent(dirs::add);
    dirs.add(systemRoot.resolve(id.configName()));
    dirs.add(cacheRoot.resolve(id.configName()));
    return dirs;
  }

  /**
   * Finds, downloads if needed, and reads a dataset.
   *
   * @throws InputException when no directory holds it and it cannot be downloaded (listing
   *     where it looked and how to get the data), or when a file is corrupt (naming the file
   *     and the byte offset)
   */
  public ImageDataset load(DatasetId id) {
    Path found = find(id).orElseGet(() -> fetch(id));
    return read(id, found);
  }

  /** The first directory of the search path that holds all files of {@code id}. */
  public Optional<Path> find(DatasetId id) {
    for (Path dir : searchPath(id)) {
      Optional<Path> holding = holding(id, dir);
      if (holding.isPresent()) {
        return holding;
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> holding(DatasetId id, Path dir) {
    if (id == DatasetId.CIFAR10) {
      for (Path d : List.of(dir, dir.resolve("cifar-10-batches-bin"))) {
        if (DatasetId.CIFAR_FILES.stream().allMatch(f -> Files.isRegularFile(d.resolve(f)))) {
          return Optional.of(d);
        }
      }
      return Optional.empty();
    }
    for (String name : DatasetId.IDX_FILES) {
      if (!Files.isRegularFile(dir.resolve(name + ".gz")) && !Files.isRegularFile(dir.resolve(name))) {
        return Optional.empty();
      }
    }
    return Optional.of(dir);
  }

  private Path fetch(DatasetId id) {
    String searched = String.join(", ", searchPath(id).stream().map(Path::toString).toList());
    if (!download) {
      throw new InputException(
          null,
          null,
          "dataset " + id + " not found in " + searched + " and downloads are off; "
              + id.howToGet());
    }
    Source source = sources.getOrDefault(id, new Source(id.baseUrl(), id.remoteFiles()));
    Path target = cacheRoot.resolve(id.configName());
    try {
      List<Path> files = new ArrayList<>();
      for (RemoteFile file : source.files()) {
        files.add(downloader.fetch(source.base(), file, target));
      }
      if (id == DatasetId.CIFAR10) {
        extractCifar(files.get(0), target);
        Files.deleteIfExists(files.get(0));
      }
    } catch (IOException e) {
      throw new InputException(
          null,
          null,
          "dataset " + id + " not found in " + searched + ", and downloading it from "
              + source.base() + " failed (" + e.getMessage() + "); " + id.howToGet(),
          e);
    }
    return holding(id, target)
        .orElseThrow(
            () ->
                new InputException(
                    target, null, "the download of " + id + " lacks files; " + id.howToGet()));
  }

  /** Unpacks the six batches of the CIFAR-10 archive, and nothing else, by file name only. */
  private static void extractCifar(Path archive, Path target) throws IOException {
    Path out = target.resolve("cifar-10-batches-bin");
    Path temp = Files.createTempDirectory(target, ".cifar-10-batches-bin.");
    try {
      try (InputStream file = Files.newInputStream(archive);
          TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(file))) {
        for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
          String name = Path.of(e.getName()).getFileName().toString();
          if (e.isFile() && DatasetId.CIFAR_FILES.contains(name)) {
            try (OutputStream o = Files.newOutputStream(temp.resolve(name))) {
              tar.transferTo(o);
            }
          }
        }
      }
      for (String name : DatasetId.CIFAR_FILES) {
        if (!Files.isRegularFile(temp.resolve(name))) {
          throw new IOException(archive.getFileName() + " has no " + name);
        }
      }
      Files.createDirectories(out);
      for (String name : DatasetId.CIFAR_FILES) {
        Files.move(temp.resolve(name), out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      try (var files = Files.list(temp)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(temp);
    }
  }

  private static ImageDataset read(DatasetId id, Path dir) {
    String hint = id.howToGet();
    if (id == DatasetId.CIFAR10) {
      List<Path> files = DatasetId.CIFAR_FILES.stream().map(dir::resolve).toList();
      ImageSet train = CifarBinary.read(files.subList(0, 5), hint);
      ImageSet test = CifarBinary.read(files.subList(5, 6), hint);
      return new ImageDataset(id, train, test, dir);
    }
    ImageSet train = readIdx(id, dir, "train", hint);
    ImageSet test = readIdx(id, dir, "t10k", hint);
    return new ImageDataset(id, train, test, dir);
  }

  private static ImageSet readIdx(DatasetId id, Path dir, String prefix, String hint) {
    Path imagesFile = idxFile(dir, prefix + "-images-idx3-ubyte");
    Path labelsFile = idxFile(dir, prefix + "-labels-idx1-ubyte");
    IdxFile images = IdxFile.read(imagesFile, hint);
    IdxFile labels = IdxFile.read(labelsFile, hint);
    int[] d = images.dimensions();
    if (d.length != 3 || d[1] != id.imageSize() || d[2] != id.imageSize()) {
      throw new InputException(
          imagesFile,
          "byte offset 4",
          "expected images of " + id.imageSize() + " x " + id.imageSize() + " (3 dimensions),"
              + " the header says " + Arrays.toString(d) + "; " + hint);
    }
    if (labels.dimensions().length != 1 || labels.dimensions()[0] != d[0]) {
      throw new InputException(
          labelsFile,
          "byte offset 4",
          "expected " + d[0] + " labels (one per image of " + imagesFile.getFileName()
              + "), the header says " + Arrays.toString(labels.dimensions()) + "; "
              + hint);
    }
    byte[] l = labels.data();
    for (int i = 0; i < l.length; i++) {
      if (Byte.toUnsignedInt(l[i]) >= id.classes()) {
        throw new InputException(
            labelsFile,
            "byte offset " + (labels.headerBytes() + i),
            "label " + Byte.toUnsignedInt(l[i]) + " is not below " + id.classes() + "; " + hint);
      }
    }
    return ImageSet.wrap(images.data(), l, 1, d[1], d[2], id.classes());
  }

  private static Path idxFile(Path dir, String name) {
    Path gz = dir.resolve(name + ".gz");
    return Files.isRegularFile(gz) ? gz : dir.resolve(name);
  }

  /** Builds a {@link DatasetLoader}. */
  public static final class Builder {
    private Path directory;
    private Path systemRoot = SYSTEM_ROOT;
    private Path cacheRoot = defaultCacheRoot();
    private boolean download = true;
    private Downloader downloader;
    private final Map<DatasetId, Source> sources = new EnumMap<>(DatasetId.class);

    private Builder() {}

    /** A directory to look in first (holding the files directly). */
    public Builder optDirectory(Path directory) {
      this.directory = directory;
      return this;
    }

    /** The root of the system directories (default {@code /usr/share/datasets}). */
    public Builder optSystemRoot(Path systemRoot) {
      this.systemRoot = systemRoot;
      return this;
    }

    /** The root of the user cache (default {@link #defaultCacheRoot()}). */
    public Builder optCacheRoot(Path cacheRoot) {
      this.cacheRoot = cacheRoot;
      return this;
    }

    /** Whether a missing dataset may be downloaded (default true). */
    public Builder optDownload(boolean download) {
      this.download = download;
      return this;
    }

    /** The downloader (default: 30 s to connect, 30 min per file). */
    public Builder optDownloader(Downloader downloader) {
      this.downloader = downloader;
      return this;
    }

    /**
     * Downloads {@code id} from elsewhere: a mirror, or a local server in tests.
     *
     * @param base the base URL, ending in {@code /}
     * @param files the files under it with their checksums
     */
    public Builder optSource(DatasetId id, URI base, List<RemoteFile> files) {
      this.sources.put(id, new Source(base, List.copyOf(files)));
      return this;
    }

    /** The loader. */
    public DatasetLoader build() {
      if (downloader == null) {
        downloader = new Downloader();
      }
      return new DatasetLoader(this);
    }
  }
}
