/**
 * The NAS-Bench-201 network of a cell as a DJL block, after AutoDL-Projects' {@code
 * TinyNetwork} and {@code InferCell}, and the weight-sharing {@link
 * org.evalnas.space.nasbench201.network.Nb201Supernet} built around the same layers, whose
 * single paths compute the standalone networks.
 */
package org.evalnas.space.nasbench201.network;
