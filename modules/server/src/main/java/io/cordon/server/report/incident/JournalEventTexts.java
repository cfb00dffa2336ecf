package io.cordon.server.report.incident;

import io.cordon.api.v1.Event;
import io.cordon.api.v1.SubjectRef;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Journal events in the report's language. The journal's summaries are in the server's English words; a zh-CN report
 * reads each event from its type and fields instead, with the sentences in {@code journal-events_zh_CN.properties}:
 * <ul>
 * <li>{@code name.<type>}: what the event is, for the type column;</li>
 * <li>{@code sentence.<type>}: the row's sentence, or {@code sentence.<type>.<value>} chosen by the attribute that
 * {@code variant.<type>} names (e.g. a gate access passed or refused);</li>
 * <li>in a sentence, <code>&#123;attr&#125;</code> is the event's attribute (through {@code value.<attr>.<value>} when the bundle
 * words it) and <code>&#123;@kind&#125;</code> the id of its first subject of that kind; a part in square brackets
 * is left out when the event lacks a field in it (an alarm's note, a gate's lane).</li>
 * </ul>
 * An unknown type, or a sentence whose field the event lacks, keeps the server's summary: nothing is made up. The
 * English report ({@code journal-events.properties} has no sentences) keeps the summaries as they are.
 */
final class JournalEventTexts {

  private static final Pattern FIELD = Pattern.compile("\\{(@?)([a-z_]+)\\}");
  private static final Pattern OPTIONAL = Pattern.compile("\\[([^\\]]*)\\]");

  private final ResourceBundle bundle;

  private JournalEventTexts(ResourceBundle bundle) {
    this.bundle = bundle;
  }

  /** The texts of the report's locale: zh-CN unless English (as {@link ReportTexts#of}). */
  static JournalEventTexts of(Locale locale) {
    Locale chosen = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    return new JournalEventTexts(ResourceBundle.getBundle("io.cordon.server.report.incident.journal-events", chosen,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
  }

  /** What kind of event it is; the raw type when the bundle does not name it. */
  String name(Event event) {
    return text("name." + event.getType()).orElse(event.getType());
  }

  /** The event as one sentence; its summary when the bundle has no sentence for it or the event lacks a field. */
  String sentence(Event event) {
    String key = "sentence." + event.getType();
    String variant = text("variant." + event.getType()).map(attribute -> event.getAttributesMap().get(attribute))
        .flatMap(value -> text(key + "." + value)).orElse(null);
    String pattern = variant != null ? variant : text(key).orElse(null);
    if (pattern == null) {
      return event.getSummary();
    }
    Matcher optional = OPTIONAL.matcher(pattern);
    StringBuilder withOptionals = new StringBuilder();
    while (optional.find()) {
      String part = fill(optional.group(1), event);
      optional.appendReplacement(withOptionals, Matcher.quoteReplacement(part == null ? "" : part));
    }
    optional.appendTail(withOptionals);
    String sentence = fill(withOptionals.toString(), event);
    return sentence == null ? event.getSummary() : sentence;
  }

  /** The pattern with the event's fields in it; null when the event lacks one of them. */
  private String fill(String pattern, Event event) {
    Matcher field = FIELD.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (field.find()) {
      String value = field.group(1).isEmpty() ? attribute(event, field.group(2)) : subject(event, field.group(2));
      if (value == null) {
        return null;
      }
      field.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    field.appendTail(out);
    return out.toString();
  }

  private String attribute(Event event, String name) {
    String value = event.getAttributesMap().get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    return text("value." + name + "." + value).orElse(value);
  }

  private static String subject(Event event, String kind) {
    return event.getSubjectsList().stream().filter(s -> s.getKind().equals(kind)).map(SubjectRef::getId)
        .findFirst().orElse(null);
  }

  private Optional<String> text(String key) {
    try {
      return Optional.of(bundle.getString(key));
    } catch (MissingResourceException e) {
      return Optional.empty();
    }
  }
}
