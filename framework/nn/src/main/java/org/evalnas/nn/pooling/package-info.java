/**
 * Pooling layers that compute exactly what DJL's {@code Pool} computes, faster on a CPU. See
 * {@link org.evalnas.nn.pooling.ChannelsLastMaxPool}.
 */
package org.evalnas.nn.pooling;
