/**
 * The NAS-Bench-101 network of a cell as a DJL block, after the official {@code
 * nasbench/lib/model_builder.py}: channel rules, projections, truncation and the stacked
 * network.
 */
package org.evalnas.space.nasbench101.network;
