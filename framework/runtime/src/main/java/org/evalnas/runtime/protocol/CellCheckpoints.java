package org.evalnas.runtime.protocol;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.evalnas.api.checkpoint.CheckpointStore;
import org.evalnas.api.checkpoint.SearchStoppedException;
import org.evalnas.api.checkpoint.StateReader;
import org.evalnas.api.checkpoint.StateWriter;

/**
 * A cell's checkpoint, {@code <cell>/checkpoint.bin}: a header naming the cell (so that a
 * checkpoint of another config is not resumed), the runtime's state, then the policy's bytes.
 * Written to a temp file, forced to disk and renamed over the old one.
 */
final class CellCheckpoints implements CheckpointStore {
  /** The file name in the cell's directory. */
  static final String FILE = "checkpoint.bin";

  private static final int MAGIC = 0x45564e43; // "EVNC"
  private static final int FORMAT = 1;

  private final Path file;
  private final String identity;
  private final int interval;
  private final StopSignal stop;
  private final RuntimeState state;
  private long lastSaved = -1;

  /**
   * @param cellDirectory the cell's directory
   * @param identity what must match for a checkpoint to be resumed (experiment, cell, budget,
   *     the policy's settings)
   * @param interval progress between checkpoints, 0 = only when stopping
   * @param stop the signal that asks for a last checkpoint
   * @param state the runtime's part of the cell
   */
  CellCheckpoints(Path cellDirectory, String identity, int interval, StopSignal stop, RuntimeState state) {
    this.file = cellDirectory.resolve(FILE);
    this.identity = identity;
    this.interval = interval;
    this.stop = stop;
    this.state = state;
  }

  @Override
  public boolean due(long progress) {
    if (stop.requested()) {
      return true;
    }
    return interval > 0 && progress > 0 && progress % interval == 0 && progress != lastSaved;
  }

  @Override
  public void save(StateWriter writer) {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = dir.resolve("." + FILE + ".tmp");
    try {
      Files.createDirectories(dir);
      try (FileChannel channel =
          FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeUTF(identity);
        state.write(out);
        writer.write(new FilterOutputStream(out) {
          @Override
          public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
          }

          @Override
          public void close() throws IOException {
            out.flush(); // the store closes the file, not the policy
          }
        });
        out.flush();
        channel.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the checkpoint " + file, e);
    }
    lastSaved = state.progress();
    if (stop.requested()) {
      throw new SearchStoppedException("stopped after a checkpoint: " + stop.reason());
    }
  }

  @Override
  public <T> Optional<T> read(StateReader<T> reader) {
    if (state.begun()) {
      throw new IllegalStateException("load a checkpoint before the first query or random draw");
    }
    InputStream raw;
    try {
      raw = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint " + file, e);
    }
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
      if (in.readInt() != MAGIC || in.readInt() != FORMAT || !in.readUTF().equals(identity)) {
        return Optional.empty(); // another format or another config's cell: start over
      }
      state.read(in);
      lastSaved = state.progress();
      return Optional.of(reader.read(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the checkpoint " + file, e);
    }
  }

  /** Deletes the checkpoint of a finished cell. */
  static void delete(Path cellDirectory) throws IOException {
    Files.deleteIfExists(cellDirectory.resolve(FILE));
  }

  /** Whether a cell has a checkpoint. */
  static boolean exists(Path cellDirectory) {
    return Files.isRegularFile(cellDirectory.resolve(FILE));
  }
}
