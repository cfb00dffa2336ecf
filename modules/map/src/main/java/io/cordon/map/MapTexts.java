package io.cordon.map;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The map's own user-visible texts (layer names, legend, tooltips, details), in
 * {@code io/cordon/map/map-messages_*.properties}; zh-CN first, English too.
 */
public final class MapTexts {
  private static final String BUNDLE = "io.cordon.map.map-messages";
  private final ResourceBundle bundle;

  private MapTexts(ResourceBundle bundle) {
    this.bundle = bundle;
  }

  public static MapTexts of(Locale locale) {
    return new MapTexts(ResourceBundle.getBundle(BUNDLE, locale));
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
