/**
 * The official NAS-Bench-101 files ({@code nasbench_only108.tfrecord}, {@code
 * nasbench_full.tfrecord}).
 *
 * <p>{@link org.evalnas.space.nasbench101.tfrecord.TfRecordReader} reads the TFRecord framing
 * and checks both CRCs; each record is a JSON array {@code [hash, epochs, adjacency bits, ops,
 * base64 ModelMetrics]} ({@link org.evalnas.space.nasbench101.tfrecord.BenchmarkRow}) whose
 * protobuf {@link org.evalnas.space.nasbench101.tfrecord.ModelMetrics} is decoded with
 * protobuf-java's wire-format reader (field numbers from {@code model_metrics.proto}). {@link
 * org.evalnas.space.nasbench101.tfrecord.BenchmarkTable} holds every (cell, epoch budget,
 * repeat) and answers queries like the official {@code NASBench.query}, with its budget
 * counters; {@link org.evalnas.space.nasbench101.tfrecord.BenchmarkCache} keeps those columns
 * in a file beside the benchmark that later opens memory-map.
 */
package org.evalnas.space.nasbench101.tfrecord;
