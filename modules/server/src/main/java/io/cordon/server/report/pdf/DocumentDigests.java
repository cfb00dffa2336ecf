package io.cordon.server.report.pdf;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/** The digests a finished report is signed with: SHA-256 (recorded and verified) and SM3 (GB/T 32905). */
public record DocumentDigests(String sha256, String sm3) {

  public static DocumentDigests of(byte[] bytes) {
    return new DocumentDigests(sha256(bytes), sm3(bytes));
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  public static String sm3(byte[] bytes) {
    SM3Digest digest = new SM3Digest();
    digest.update(bytes, 0, bytes.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return HexFormat.of().formatHex(out);
  }
}
