package org.evalnas.api.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Where a policy keeps its state so that a stopped cell resumes exactly: one checkpoint per
 * cell, in the cell's directory, replaced atomically by each save (a reader sees the old
 * checkpoint or the new, never a part of one).
 *
 * <p>The runtime saves its own part of the cell with every checkpoint — for a black-box search
 * the queries made so far, the budget spent and the state of {@link
 * org.evalnas.api.policy.SearchContext#random()} — and restores it when the policy {@linkplain
 * #load() loads}. So the protocol of a policy is:
 *
 * <ol>
 *   <li>first, before any query or random draw: {@link #load()}; when present, rebuild the
 *       state from it (the context is then back at the moment of that save);
 *   <li>after each unit of progress (a query for a black-box search, an optimizer step or an
 *       epoch for weight-sharing training): {@code if (store.due(progress)) store.save(state)}.
 * </ol>
 *
 * <p>A policy that never loads simply starts over when its cell is resumed. Weight-sharing
 * training writes its weights and optimizer state with {@link #save(StateWriter)} and reads them
 * with {@link #read(StateReader)}, streaming rather than holding them twice in memory.
 */
public interface CheckpointStore {

  /** A store that never asks for a checkpoint, keeps nothing and has nothing to load. */
  CheckpointStore NONE =
      new CheckpointStore() {
        @Override
        public boolean due(long progress) {
          return false;
        }

        @Override
        public void save(StateWriter writer) {}

        @Override
        public <T> Optional<T> read(StateReader<T> reader) {
          return Optional.empty();
        }
      };

  /**
   * Whether the policy should save now, after {@code progress} units of progress in all
   * (queries for a black-box search, steps for training): at the interval the runtime is
   * configured with, and at once when the runtime must stop the search.
   */
  boolean due(long progress);

  /**
   * Replaces the checkpoint with the state {@code writer} writes, together with the runtime's
   * part of the cell, atomically.
   *
   * @throws SearchStoppedException after the checkpoint is safely written, when the runtime is
   *     stopping the search
   * @throws UncheckedIOException when the checkpoint cannot be written
   */
  void save(StateWriter writer);

  /**
   * Reads the last checkpoint of this cell, if there is one, and puts the runtime's part of the
   * cell back to where it was when it was saved. Call it before any query or random draw.
   *
   * @return the policy's state, or empty when the cell starts from the beginning
   * @throws UncheckedIOException when a checkpoint exists but cannot be read
   * @throws IllegalStateException when called after the search made queries
   */
  <T> Optional<T> read(StateReader<T> reader);

  /** Saves a state held as bytes; see {@link #save(StateWriter)}. */
  default void save(byte[] state) {
    save(out -> out.write(state));
  }

  /** Loads a state saved as bytes; see {@link #read(StateReader)}. */
  default Optional<byte[]> load() {
    return read(InputStream::readAllBytes);
  }

  /** Saves a {@link Serializable} state with Java serialization; see {@link #save(StateWriter)}. */
  default void saveValue(Serializable state) {
    save(
        out -> {
          ObjectOutputStream o = new ObjectOutputStream(out);
          o.writeObject(state);
          o.flush();
        });
  }

  /**
   * Loads a state saved with {@link #saveValue}; classes resolve through {@code type}'s class
   * loader first (a plugin's), then the api's.
   *
   * @throws UncheckedIOException when the checkpoint holds no {@code type}
   */
  default <T extends Serializable> Optional<T> loadValue(Class<T> type) {
    return read(
        in -> {
          try (ObjectInputStream o =
              new ObjectInputStream(in) {
                @Override
                protected Class<?> resolveClass(ObjectStreamClass desc)
                    throws IOException, ClassNotFoundException {
                  try {
                    return Class.forName(desc.getName(), false, type.getClassLoader());
                  } catch (ClassNotFoundException e) {
                    return super.resolveClass(desc);
                  }
                }
              }) {
            return type.cast(o.readObject());
          } catch (ClassNotFoundException | ClassCastException e) {
            throw new IOException("the checkpoint does not hold a " + type.getName(), e);
          }
        });
  }
}
