package org.evalnas.nn.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import org.evalnas.api.InputException;

/**
 * Downloads files over HTTP(S) into a directory, verifying each against its published checksum
 * before it appears under its name (written to a temporary file, then renamed), so a
 * directory never holds a partial or unverified file.
 */
public final class Downloader {
  private final HttpClient client;
  private final Duration timeout;

  /** A downloader with a 30-second connect timeout and a 30-minute limit per file. */
  public Downloader() {
    this(Duration.ofSeconds(30), Duration.ofMinutes(30));
  }

  /**
   * @param connectTimeout how long to wait for a connection
   * @param timeout how long one file may take
   */
  public Downloader(Duration connectTimeout, Duration timeout) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.timeout = timeout;
  }

  /**
   * Downloads {@code base + file.name()} to {@code directory/file.name()}, unless a verified
   * copy is there already.
   *
   * @param base the base URL, ending in {@code /}
   * @return the downloaded file
   * @throws IOException when the server cannot be reached or answers with an error
   * @throws InputException when the download does not match its checksum (nothing is kept)
   */
  public Path fetch(URI base, RemoteFile file, Path directory) throws IOException {
    Path target = directory.resolve(file.name());
    if (Files.isRegularFile(target) && file.digest().matches(digest(target, file.digest()))) {
      return target;
    }
    Files.createDirectories(directory);
    URI uri = base.resolve(file.name());
    HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
    Path temp = Files.createTempFile(directory, "." + file.name() + ".", ".part");
    try {
      HttpResponse<InputStream> response;
      try {
        response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while downloading " + uri, e);
      }
      MessageDigest md = file.digest().newDigest();
      try (InputStream in = response.body();
          OutputStream out = Files.newOutputStream(temp)) {
        if (response.statusCode() != 200) {
          throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
        }
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          md.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      byte[] actual = md.digest();
      if (!file.digest().matches(actual)) {
        throw new InputException(
            null,
            uri.toString(),
            "the download does not match its published checksum: expected "
                + file.digest() + ", got " + HexFormat.of().formatHex(actual)
                + "; nothing was kept, try again or fetch the file by hand");
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      return target;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static byte[] digest(Path file, Digest digest) throws IOException {
    MessageDigest md = digest.newDigest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        md.update(buffer, 0, n);
      }
    }
    return md.digest();
  }
}
