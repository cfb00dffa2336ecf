package io.cordon.video;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Texts the operator reads on the wall, from io/cordon/video/video-messages (zh-CN by default). */
public final class VideoTexts {
  private static final String BUNDLE = "io.cordon.video.video-messages";
  private final ResourceBundle bundle;

  private VideoTexts(ResourceBundle bundle) {
    this.bundle = bundle;
  }

  public static VideoTexts of(Locale locale) {
    return new VideoTexts(ResourceBundle.getBundle(BUNDLE, locale));
  }

  /** The text for {@code key}, or the key itself so a missing text is visible, never a crash. */
  public String get(String key) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  /** {@link String#format} with the locale's conventions. */
  public String format(String key, Object... args) {
    return String.format(bundle.getLocale(), get(key), args);
  }
}
