/**
 * Image datasets: readers for IDX files (MNIST, Fashion-MNIST) and CIFAR-10 binary batches,
 * the lookup of their files ({@link org.evalnas.nn.data.DatasetLoader}: a configured
 * directory, the system's data directory, the user cache, then a verified download), a seeded
 * train/validation split ({@link org.evalnas.nn.data.DataSplit}), augmentation, normalization
 * and batching into DJL arrays ({@link org.evalnas.nn.data.ImageBatcher}; for training, made a
 * step ahead on a background thread by {@link org.evalnas.nn.data.PrefetchingBatcher}).
 *
 * <p>Images stay in memory as bytes (one byte per pixel and channel, channel-major) and become
 * floats only when a batch is made, one float array per batch.
 */
package org.evalnas.nn.data;
