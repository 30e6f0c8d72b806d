/**
 * A fake tabular benchmark: a small space with isomorphic encodings and a ground truth from a
 * formula, with providers named {@code fake} that ServiceLoader finds on a test classpath.
 */
package org.evalnas.testkit.fake;
