package org.evalnas.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.evalnas.api.InputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoaderTest {
  @TempDir Path tmp;

  private HttpServer server;
  private final Map<String, byte[]> served = new ConcurrentHashMap<>();
  private final AtomicInteger requests = new AtomicInteger();

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.stop(0);
    }
  }

  /** A loopback server answering {@code /data/<name>} from {@link #served}. */
  private URI startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/data/",
        exchange -> {
          requests.incrementAndGet();
          String name = exchange.getRequestURI().getPath().substring("/data/".length());
          byte[] body = served.get(name);
          if (body == null) {
            exchange.sendResponseHeaders(404, -1);
          } else {
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          }
          exchange.close();
        });
    server.start();
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/data/");
  }

  private DatasetLoader.Builder loader() {
    return DatasetLoader.builder()
        .optSystemRoot(tmp.resolve("system"))
        .optCacheRoot(tmp.resolve("cache"))
        .optDownload(false);
  }

  @Test
  void looksInConfiguredThenSystemThenCache() throws Exception {
    TestFiles.writeMnistLike(tmp.resolve("cache/mnist"), 10, 2, true);
    assertThat(loader().build().load(DatasetId.MNIST).train().size()).isEqualTo(10);

    TestFiles.writeMnistLike(tmp.resolve("system/mnist"), 20, 2, false);
    assertThat(loader().build().load(DatasetId.MNIST).train().size()).isEqualTo(20);

    TestFiles.writeMnistLike(tmp.resolve("mine"), 30, 3, true);
    ImageDataset mine = loader().optDirectory(tmp.resolve("mine")).build().load(DatasetId.MNIST);
    assertThat(mine.train().size()).isEqualTo(30);
    assertThat(mine.test().size()).isEqualTo(3);
    assertThat(mine.source()).isEqualTo(tmp.resolve("mine"));
    assertThat(mine.train().label(7)).isEqualTo(7);
    assertThat(mine.train().pixel(7, 0, 27, 27)).isEqualTo(7);
  }

  @Test
  void incompleteDirectoryIsSkipped() throws Exception {
    TestFiles.writeMnistLike(tmp.resolve("mine"), 30, 3, true);
    Files.delete(tmp.resolve("mine/t10k-labels-idx1-ubyte.gz"));
    TestFiles.writeMnistLike(tmp.resolve("cache/fashion-mnist"), 10, 2, false);

    ImageDataset d = loader().optDirectory(tmp.resolve("mine")).build().load(DatasetId.FASHION_MNIST);

    assertThat(d.source()).isEqualTo(tmp.resolve("cache/fashion-mnist"));
  }

  @Test
  void missingDatasetSaysWhereItLookedAndHowToGetIt() {
    assertThatThrownBy(() -> loader().optDirectory(tmp.resolve("mine")).build().load(DatasetId.FASHION_MNIST))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(tmp.resolve("mine").toString())
        .hasMessageContaining(tmp.resolve("system/fashion-mnist").toString())
        .hasMessageContaining(tmp.resolve("cache/fashion-mnist").toString())
        .hasMessageContaining("apt-get install dataset-fashion-mnist");
    assertThatThrownBy(() -> loader().build().load(DatasetId.CIFAR10))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("cifar-10-binary.tar.gz");
  }

  @Test
  void mismatchedImageAndLabelCountsAreAnError() throws Exception {
    Path dir = tmp.resolve("mine");
    TestFiles.writeMnistLike(dir, 5, 2, false);
    Files.write(dir.resolve("train-labels-idx1-ubyte"), TestFiles.idx(new byte[4], 4));
    assertThatThrownBy(() -> loader().optDirectory(dir).build().load(DatasetId.MNIST))
        .isInstanceOfSatisfying(
            InputException.class,
            e -> {
              assertThat(e.file()).contains(dir.resolve("train-labels-idx1-ubyte"));
              assertThat(e.getMessage()).contains("expected 5 labels");
            });
  }

  @Test
  void downloadsIntoTheCacheVerifyingChecksums() throws Exception {
    Path source = tmp.resolve("published");
    TestFiles.writeMnistLike(source, 12, 4, true);
    List<RemoteFile> files = new ArrayList<>();
    for (String name : DatasetId.IDX_FILES) {
      byte[] bytes = Files.readAllBytes(source.resolve(name + ".gz"));
      served.put(name + ".gz", bytes);
      files.add(new RemoteFile(name + ".gz", Digest.sha256(hex("SHA-256", bytes))));
    }
    URI base = startServer();
    DatasetLoader loader =
        loader().optDownload(true).optSource(DatasetId.FASHION_MNIST, base, files).build();

    ImageDataset d = loader.load(DatasetId.FASHION_MNIST);

    assertThat(d.train().size()).isEqualTo(12);
    assertThat(d.source()).isEqualTo(tmp.resolve("cache/fashion-mnist"));
    assertThat(requests.get()).isEqualTo(4);
    try (var listing = Files.list(tmp.resolve("cache/fashion-mnist"))) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(files.stream().map(RemoteFile::name).toArray(String[]::new));
    }
    // the second load finds the cache
    assertThat(loader.load(DatasetId.FASHION_MNIST).test().size()).isEqualTo(4);
    assertThat(requests.get()).isEqualTo(4);
  }

  @Test
  void checksumMismatchKeepsNothing() throws Exception {
    served.put("train-images-idx3-ubyte.gz", new byte[] {1, 2, 3});
    URI base = startServer();
    List<RemoteFile> files =
        List.of(new RemoteFile("train-images-idx3-ubyte.gz", Digest.md5("00000000000000000000000000000000")));
    DatasetLoader loader = loader().optDownload(true).optSource(DatasetId.MNIST, base, files).build();

    assertThatThrownBy(() -> loader.load(DatasetId.MNIST))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("does not match its published checksum")
        .hasMessageContaining("MD5 00000000000000000000000000000000")
        .hasMessageContaining(hex("MD5", new byte[] {1, 2, 3}));
    try (var listing = Files.list(tmp.resolve("cache/mnist"))) {
      assertThat(listing).isEmpty();
    }
  }

  @Test
  void unreachableServerSaysHowToGetTheData() throws Exception {
    URI base = startServer();
    server.stop(0);
    server = null;
    DatasetLoader loader =
        loader()
            .optDownload(true)
            .optSource(DatasetId.MNIST, base, DatasetId.MNIST.remoteFiles())
            .build();

    assertThatThrownBy(() -> loader.load(DatasetId.MNIST))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("downloading it from " + base + " failed")
        .hasMessageContaining("yann.lecun.com");
  }

  @Test
  void downloadsAndUnpacksCifar() throws Exception {
    ByteArrayOutputStream archive = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(archive))) {
      for (int k = 0; k < 6; k++) {
        byte[] batch = TestFiles.cifarBatch(k * 3, 3);
        TarArchiveEntry e = new TarArchiveEntry("cifar-10-batches-bin/" + DatasetId.CIFAR_FILES.get(k));
        e.setSize(batch.length);
        tar.putArchiveEntry(e);
        tar.write(batch);
        tar.closeArchiveEntry();
      }
      byte[] readme = "hello".getBytes();
      TarArchiveEntry e = new TarArchiveEntry("cifar-10-batches-bin/readme.html");
      e.setSize(readme.length);
      tar.putArchiveEntry(e);
      tar.write(readme);
      tar.closeArchiveEntry();
    }
    byte[] bytes = archive.toByteArray();
    served.put("cifar-10-binary.tar.gz", bytes);
    URI base = startServer();
    DatasetLoader loader =
        loader()
            .optDownload(true)
            .optSource(
                DatasetId.CIFAR10,
                base,
                List.of(new RemoteFile("cifar-10-binary.tar.gz", Digest.md5(hex("MD5", bytes)))))
            .build();

    ImageDataset d = loader.load(DatasetId.CIFAR10);

    assertThat(d.train().size()).isEqualTo(15);
    assertThat(d.test().size()).isEqualTo(3);
    assertThat(d.test().label(0)).isEqualTo(5);
    assertThat(d.source()).isEqualTo(tmp.resolve("cache/cifar-10/cifar-10-batches-bin"));
    assertThat(tmp.resolve("cache/cifar-10/cifar-10-binary.tar.gz")).doesNotExist();
    assertThat(d.source().resolve("readme.html")).doesNotExist();
  }

  @Test
  void findsCifarInItsArchiveDirectory() throws Exception {
    TestFiles.writeCifar(tmp.resolve("mine/cifar-10-batches-bin"), 2);
    ImageDataset d = loader().optDirectory(tmp.resolve("mine")).build().load(DatasetId.CIFAR10);
    assertThat(d.train().size()).isEqualTo(10);
    assertThat(d.train().channels()).isEqualTo(3);
  }

  @Test
  void readsDebiansFashionMnist() {
    Path system = DatasetLoader.SYSTEM_ROOT.resolve("fashion-mnist");
    assumeThat(Files.isDirectory(system)).as("apt-get install dataset-fashion-mnist").isTrue();

    ImageDataset d =
        DatasetLoader.builder().optCacheRoot(tmp).optDownload(false).build().load(DatasetId.FASHION_MNIST);

    assertThat(d.source()).isEqualTo(system);
    assertThat(d.train().size()).isEqualTo(60_000);
    assertThat(d.test().size()).isEqualTo(10_000);
    assertThat(d.train().label(0)).isEqualTo(9); // the first training image is an ankle boot
  }

  private static String hex(String algorithm, byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
  }
}
