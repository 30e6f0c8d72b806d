/**
 * The weight-sharing stage of the protocol: trains a supernet for a {@link
 * org.evalnas.nn.search.WeightSharingPolicy} on the paths it picks, scores the seed's fixed
 * evaluation sample with the shared weights at the configured epochs and compares that ranking
 * with the ground truth, checkpoints every epoch and resumes exactly.
 */
package org.evalnas.runtime.weightsharing;
