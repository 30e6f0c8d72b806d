/**
 * Test support for evalnas modules and plugins: the compatibility suites every space and
 * policy plugin extends ({@link org.evalnas.testkit.SearchSpaceCompatibilityKit}, {@link
 * org.evalnas.testkit.SearchPolicyCompatibilityKit}), a real black-box context for tests, a
 * plugin-jar builder and the locator of the shared reference data.
 */
package org.evalnas.testkit;
