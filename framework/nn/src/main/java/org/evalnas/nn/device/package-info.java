/**
 * Where networks run: {@link org.evalnas.nn.device.DeviceChoice} ({@code auto}, {@code cpu},
 * {@code gpu}) and {@link org.evalnas.nn.device.EngineSettings}, the system properties the
 * PyTorch engine reads once, when it loads.
 */
package org.evalnas.nn.device;
