/**
 * The NAS-Bench-201 network of a cell as a DJL block, after AutoDL-Projects' {@code
 * TinyNetwork} and {@code InferCell}.
 */
package org.evalnas.space.nasbench201.network;
