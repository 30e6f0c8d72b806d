package org.evalnas.runtime.plugin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A loaded plugin jar, for listings and provenance. */
public final class PluginInfo {
  /**
   * Hashes jars in the background: the distribution's plugins take about 70 ms in a fresh JVM,
   * which a run spends loading its config and tables meanwhile; only provenance waits for them.
   */
  private static final ExecutorService HASHING =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "evalnas-jar-hash");
            t.setDaemon(true);
            return t;
          });

  private final String id;
  private final String version;
  private final Path jar;
  private final CompletableFuture<String> sha256;

  /** Starts hashing {@code jar} at once. */
  PluginInfo(String id, String version, Path jar) {
    this.id = id;
    this.version = version;
    this.jar = jar;
    this.sha256 = CompletableFuture.supplyAsync(() -> sha256(jar), HASHING);
  }

  /** The PF4J plugin id. */
  public String id() {
    return id;
  }

  /** The plugin's version. */
  public String version() {
    return version;
  }

  /** The jar file. */
  public Path jar() {
    return jar;
  }

  /**
   * The jar's SHA-256, hex; waits for the hashing to finish.
   *
   * @throws UncheckedIOException when the jar cannot be read
   */
  public String sha256() {
    try {
      return sha256.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw new UncheckedIOException("cannot hash plugin jar " + jar, io.getCause());
      }
      throw e;
    }
  }

  static String sha256(Path file) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String toString() {
    return id + " " + version + " (" + jar + ")";
  }
}
