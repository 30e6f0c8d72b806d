/**
 * Ground truth for the NAS-Bench-201 space, read from either of two sources by one provider
 * ({@code ground-truth.nasbench201}):
 *
 * <ul>
 *   <li>a CSV table: header {@code index,arch,} then one accuracy column (percent) per
 *       {@code <dataset>_<split>} metric, one row per benchmark index;
 *   <li>the official NATS-Bench topology "simple" directory ({@code meta.pickle.pbz2} and one
 *       {@code NNNNNN.pickle.pbz2} per architecture), read record by record on demand. {@link
 *       org.evalnas.space.nasbench201.truth.NatsMetric} documents how its fields map to the
 *       metric names the CSV tables use.
 * </ul>
 *
 * <p>Both are validated hard: anything malformed is an {@link org.evalnas.api.InputException}
 * naming the file and the line, key or byte offset.
 */
package org.evalnas.space.nasbench201.truth;
