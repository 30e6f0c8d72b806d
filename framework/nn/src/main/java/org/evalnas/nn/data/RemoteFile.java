package org.evalnas.nn.data;

/**
 * A file to download: its name (appended to a base URL, and the name it is saved under) and
 * its published checksum.
 */
public record RemoteFile(String name, Digest digest) {

  public RemoteFile {
    if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
      throw new IllegalArgumentException("not a plain file name: '" + name + "'");
    }
  }
}
