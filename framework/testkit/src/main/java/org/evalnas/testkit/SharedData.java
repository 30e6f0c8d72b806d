package org.evalnas.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Locates the shared reference data (benchmark tables and samples) that sits beside the
 * checkout, so that tests needing it run where it is and skip cleanly where it is not.
 *
 * <p>The directory is the system property {@value #PROPERTY} (the parent pom's surefire
 * configuration sets it to {@code ../shared} of the multi-module root) when that names a
 * directory; otherwise the first {@code shared} directory with a {@code data} subdirectory
 * found walking up from the working directory.
 */
public final class SharedData {

  /** The system property naming the shared directory. */
  public static final String PROPERTY = "evalnas.shared";

  private SharedData() {}

  /** The shared directory, if it can be found. */
  public static Optional<Path> root() {
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      Path path = Path.of(property).toAbsolutePath().normalize();
      if (Files.isDirectory(path)) {
        return Optional.of(path);
      }
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("shared").resolve("data"))) {
        return Optional.of(dir.resolve("shared"));
      }
    }
    return Optional.empty();
  }

  /**
   * The shared directory; aborts the calling test (a JUnit assumption, so it is skipped, not
   * failed) when there is none.
   */
  public static Path assumeAvailable() {
    Optional<Path> root = root();
    assumeTrue(
        root.isPresent(),
        "no shared data: set -D" + PROPERTY + " or put a shared/data directory beside the checkout");
    return root.get();
  }

  /**
   * A file or directory under the shared directory, e.g. {@code data/nb201}; skips the calling
   * test when it is absent.
   */
  public static Path assumeAvailable(String relative) {
    Path path = assumeAvailable().resolve(relative);
    assumeTrue(Files.exists(path), "shared data " + path + " is absent");
    return path;
  }
}
