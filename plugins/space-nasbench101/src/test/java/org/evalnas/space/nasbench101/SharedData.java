package org.evalnas.space.nasbench101;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared reference data beside the checkout ({@code evalnas.shared}, set by the parent pom
 * for surefire). Tests that need it skip when the property is absent (a build outside the
 * project layout) and fail when it is set but the file is missing.
 */
public final class SharedData {
  private SharedData() {}

  /** A file under the shared directory. */
  public static Path path(String relative) {
    String root = System.getProperty("evalnas.shared");
    Assumptions.assumeTrue(root != null, "evalnas.shared is not set");
    Path path = Path.of(root).resolve(relative).normalize();
    assertThat(path).as("shared reference data").exists();
    return path;
  }

  /** The 3,000 official spec vectors. */
  public static Path specVectors() {
    return path("data/nb101/spec-vectors.jsonl");
  }

  /** The 500 NASLib cells with their official hashes. */
  public static Path naslib500() {
    return path("data/nb101/naslib-cifar10-500.jsonl");
  }
}
