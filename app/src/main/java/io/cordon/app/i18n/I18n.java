package io.cordon.app.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * The client's texts, switchable at runtime: every visible text is a binding on the current
 * bundle, so changing {@link #localeProperty()} relabels the whole UI at once.
 */
public final class I18n {
  public static final String BUNDLE = "io.cordon.app.i18n.messages";
  public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
  public static final Locale ENGLISH = Locale.ENGLISH;
  public static final List<Locale> SUPPORTED = List.of(CHINESE, ENGLISH);

  private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(this, "locale");
  private final ObjectBinding<ResourceBundle> bundle =
      Bindings.createObjectBinding(() -> load(locale.get()), locale);

  public I18n(Locale initial) {
    locale.set(supported(initial));
  }

  /** The supported locale nearest to {@code tag} ({@code zh-CN}, {@code en}); Chinese otherwise. */
  public static Locale supported(Locale wanted) {
    if (wanted != null && wanted.getLanguage().equals(ENGLISH.getLanguage())) {
      return ENGLISH;
    }
    return CHINESE;
  }

  public static ResourceBundle load(Locale locale) {
    return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  public ObjectProperty<Locale> localeProperty() {
    return locale;
  }

  public Locale getLocale() {
    return locale.get();
  }

  public void setLocale(Locale value) {
    locale.set(supported(value));
  }

  public ObservableValue<ResourceBundle> bundleProperty() {
    return bundle;
  }

  /** The text of {@code key} now; shows the key itself when missing, so gaps are visible. */
  public String get(String key) {
    try {
      return bundle.get().getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
  }

  /** The text of {@code key}, or {@code fallback} when the bundle has no such key. */
  public String getOrDefault(String key, String fallback) {
    return find(key).orElse(fallback);
  }

  /** The text of {@code key} in the current language, empty when the bundle has no such key. */
  public Optional<String> find(String key) {
    ResourceBundle b = bundle.get();
    return b.containsKey(key) ? Optional.of(b.getString(key)) : Optional.empty();
  }

  public String format(String key, Object... args) {
    return new MessageFormat(get(key), getLocale()).format(args);
  }

  /** A text that follows the language. */
  public StringBinding text(String key) {
    return Bindings.createStringBinding(() -> get(key), bundle);
  }

  /** A text computed from the bundle and further observables (e.g. a formatted status). */
  public StringBinding binding(Callable<String> compute, Observable... dependencies) {
    Observable[] all = new Observable[dependencies.length + 1];
    all[0] = bundle;
    System.arraycopy(dependencies, 0, all, 1, dependencies.length);
    return Bindings.createStringBinding(compute, all);
  }

  /** The text whose key is itself observable (e.g. a view model's error key); empty key → empty text. */
  public StringBinding text(ObservableValue<String> key) {
    return binding(() -> key.getValue() == null || key.getValue().isEmpty() ? "" : get(key.getValue()), key);
  }

  public static String tag(Locale locale) {
    return Objects.requireNonNull(locale).toLanguageTag();
  }
}
