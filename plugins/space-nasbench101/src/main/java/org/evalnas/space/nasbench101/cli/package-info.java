/**
 * The {@code evalnas nasbench101} command: {@code hash} checks and hashes cells given as JSON
 * lines, {@code enumerate} writes every unique cell. The JSON it writes is formatted like
 * Python's {@code json.dumps} ({@code ", "} and {@code ": "}), so its output compares line by
 * line with files made by the official tools.
 */
package org.evalnas.space.nasbench101.cli;
