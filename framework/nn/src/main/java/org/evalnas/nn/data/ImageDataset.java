package org.evalnas.nn.data;

import java.nio.file.Path;

/**
 * A dataset as published: its training and test sets, and the directory they were read from.
 *
 * @param id which dataset
 * @param train the published training set (split it with {@link DataSplit})
 * @param test the published test set, for reporting only
 * @param source the directory the files came from
 */
public record ImageDataset(DatasetId id, ImageSet train, ImageSet test, Path source) {}
