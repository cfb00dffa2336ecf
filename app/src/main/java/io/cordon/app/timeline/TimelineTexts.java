package io.cordon.app.timeline;

import io.cordon.api.v1.TimelineLane;
import io.cordon.app.i18n.I18n;
import io.cordon.client.event.EventDescriptions;
import io.cordon.client.timeline.TimelineLanes;
import io.cordon.client.timeline.TimelineMark;
import io.cordon.client.timeline.TimelineViewModel;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** The timeline's and the incidents' texts ({@code timeline.*}, {@code incident.*}), and times in park time. */
final class TimelineTexts {
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
      .withZone(TimelineViewModel.PARK_ZONE);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
      .withZone(TimelineViewModel.PARK_ZONE);
  private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm")
      .withZone(TimelineViewModel.PARK_ZONE);

  private final I18n i18n;
  private final EventDescriptions describe;

  TimelineTexts(I18n i18n) {
    this.i18n = i18n;
    this.describe = new EventDescriptions(i18n::find);
  }

  I18n i18n() {
    return i18n;
  }

  String get(String key) {
    return i18n.get(key);
  }

  String format(String key, Object... args) {
    return i18n.format(key, args);
  }

  /** The text for an error or validation key; empty for none. */
  String error(String key) {
    return key == null || key.isEmpty() ? "" : i18n.getOrDefault(key, key);
  }

  String lane(TimelineLane lane) {
    return i18n.get("timeline.lane." + TimelineLanes.key(lane));
  }

  /** The event's one line in the operator's language ("A-000012 危化品车辆超速 报警"). */
  String summary(TimelineMark mark) {
    String described = describe.summary(mark.event());
    if (!described.equals(mark.event().summary()) || i18n.find("timeline.type." + mark.type()).isEmpty()) {
      return described;
    }
    // a type only the timeline names: its name and subjects rather than the server's English line
    StringBuilder b = new StringBuilder(type(mark));
    mark.event().subjects().forEach(s -> b.append("  ")
        .append(i18n.getOrDefault("subject.kind." + s.kind(), s.kind())).append(' ').append(s.id()));
    return b.toString();
  }

  /** The event's type name ("卡口通行"); the dotted type when this client does not know it. */
  String type(TimelineMark mark) {
    return i18n.find("timeline.type." + mark.type()).orElseGet(() -> describe.type(mark.event()));
  }

  /** "10:20:00 超速报警 …" for lists and tooltips; spans add their end. */
  String line(TimelineMark mark) {
    String when = mark.isSpan() ? time(mark.time()) + "–" + time(mark.end()) : time(mark.time());
    return when + "  " + summary(mark);
  }

  static String dayTime(Instant t) {
    return t == null ? "—" : DAY_TIME.format(t);
  }

  static String time(Instant t) {
    return t == null ? "—" : TIME.format(t);
  }

  static String tickLabel(long millis, boolean seconds) {
    Instant t = Instant.ofEpochMilli(millis);
    return seconds ? TIME.format(t) : HOURS_MINUTES.format(t);
  }
}
