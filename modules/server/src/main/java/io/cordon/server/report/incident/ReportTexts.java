package io.cordon.server.report.incident;

import io.cordon.api.v1.Event;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The report's words in one locale (zh-CN by default, or en) and its time formats (shown in Asia/Shanghai). */
final class ReportTexts {
  static final ZoneId SHOWN_IN = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final ResourceBundle bundle;
  private final Locale locale;
  private final JournalEventTexts events;

  private ReportTexts(ResourceBundle bundle, Locale locale) {
    this.bundle = bundle;
    this.locale = locale;
    this.events = JournalEventTexts.of(locale);
  }

  /** English for any English locale, Chinese otherwise. */
  static ReportTexts of(Locale locale) {
    Locale chosen = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    return new ReportTexts(ResourceBundle.getBundle("io.cordon.server.report.incident.incident-report", chosen,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)), chosen);
  }

  boolean english() {
    return locale.equals(Locale.ENGLISH);
  }

  /** The locale tag written into the journal: zh-CN or en. */
  String tag() {
    return english() ? "en" : "zh-CN";
  }

  String get(String key, Object... args) {
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return key;
    }
    return new MessageFormat(pattern, locale).format(args);
  }

  /** A key of an enumerated family, falling back to the raw value when the bundle lacks it. */
  String named(String prefix, String value) {
    try {
      return bundle.getString(prefix + "." + value);
    } catch (MissingResourceException e) {
      return value;
    }
  }

  /** A journal event's kind in the report's language (see {@link JournalEventTexts}). */
  String eventName(Event event) {
    return events.name(event);
  }

  /** A journal event as a sentence in the report's language (see {@link JournalEventTexts}). */
  String eventSentence(Event event) {
    return events.sentence(event);
  }

  String dateTime(Instant at) {
    return at == null ? "" : DATE_TIME.format(at.atZone(SHOWN_IN));
  }

  /** The time of day, with the date too when {@code at} falls on another day than {@code reference}. */
  String time(Instant at, Instant reference) {
    if (at == null) {
      return "";
    }
    boolean sameDay = reference != null
        && at.atZone(SHOWN_IN).toLocalDate().equals(reference.atZone(SHOWN_IN).toLocalDate());
    return sameDay ? TIME.format(at.atZone(SHOWN_IN)) : dateTime(at);
  }

  String duration(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (english()) {
      return s < 60 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }
    return s < 60 ? s + " 秒" : (s / 60) + " 分 " + (s % 60) + " 秒";
  }
}
