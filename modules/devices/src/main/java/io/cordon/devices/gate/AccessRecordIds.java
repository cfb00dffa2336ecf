package io.cordon.devices.gate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The id of the access record of one identification, the same whether the server decided it online
 * or the agent decided it offline after the server's answer came too late: an offline record that
 * the server also recorded online is then one record (a duplicate on upload), never two.
 */
public final class AccessRecordIds {

  private AccessRecordIds() {
  }

  /** "r-" and 32 hex characters of SHA-256 over the agent id and the identification's request id. */
  public static String of(String agentId, String requestId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((agentId + "\u0000" + requestId).getBytes(StandardCharsets.UTF_8));
      return "r-" + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
