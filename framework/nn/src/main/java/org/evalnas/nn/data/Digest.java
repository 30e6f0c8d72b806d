package org.evalnas.nn.data;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A published checksum: the algorithm ({@code MD5} or {@code SHA-256}, whichever the dataset's
 * authors publish) and the hex value.
 *
 * @param algorithm a {@link MessageDigest} algorithm name
 * @param hex the expected digest, hex, any case
 */
public record Digest(String algorithm, String hex) {

  public Digest {
    hex = hex.toLowerCase(Locale.ROOT);
    newDigest(algorithm);
  }

  /** An MD5 checksum. */
  public static Digest md5(String hex) {
    return new Digest("MD5", hex);
  }

  /** A SHA-256 checksum. */
  public static Digest sha256(String hex) {
    return new Digest("SHA-256", hex);
  }

  /** A fresh {@link MessageDigest} for {@link #algorithm()}. */
  public MessageDigest newDigest() {
    return newDigest(algorithm);
  }

  /** Whether a computed digest matches. */
  public boolean matches(byte[] digest) {
    return HexFormat.of().formatHex(digest).equals(hex);
  }

  @Override
  public String toString() {
    return algorithm + " " + hex;
  }

  private static MessageDigest newDigest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalArgumentException("unknown digest algorithm " + algorithm, e);
    }
  }
}
