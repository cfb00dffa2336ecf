package io.cordon.media.source;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/** Keeps camera logins out of logs, health reports and exception messages. */
public final class CredentialMask {
  private static final Pattern USER_INFO = Pattern.compile("(?i)([a-z][a-z0-9+.-]*://)[^/@\\s]+@");
  private static final String MASK = "***";

  private CredentialMask() {}

  /** Masks any {@code scheme://user:pass@} in the text. */
  public static String maskUserInfo(String text) {
    return USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
  }

  /** Masks user info and every occurrence of the password (plain and percent-encoded). */
  public static String mask(String text, Optional<StreamCredentials> credentials) {
    if (text == null) {
      return null;
    }
    String out = maskUserInfo(text);
    if (credentials.isPresent()) {
      String password = credentials.get().password();
      if (!password.isEmpty()) {
        out = out.replace(password, MASK);
        out = out.replace(URLEncoder.encode(password, StandardCharsets.UTF_8).replace("+", "%20"), MASK);
      }
    }
    return out;
  }
}
