/** End-to-end tests of the built distribution: real plugin jars, real data, real processes. */
package org.evalnas.distribution;
