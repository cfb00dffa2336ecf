package io.cordon.server.track.jt808;

import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.Road;
import io.cordon.domain.track.rules.Place;
import io.cordon.domain.track.rules.RuleKind;
import io.cordon.domain.track.rules.Violation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The words operators read for a violation: the rule's name, the place's name, the parameters. */
final class RuleTexts {

  private RuleTexts() {
  }

  static String label(RuleKind rule) {
    switch (rule) {
      case ROUTE_DEVIATION:
        return "路线偏离";
      case OVERSPEED:
        return "超速";
      case FORBIDDEN_ZONE:
        return "驶入禁行区域";
      case LINGERING:
        return "违规滞留";
      case OUTSIDE_TIME_WINDOW:
        return "不在通行时段";
      case OVERSTAY:
        return "超时滞留园区";
      case SIGNAL_LOST:
        return "定位信号丢失";
      default:
        return "终端报警";
    }
  }

  /** The road's or zone's name at the place, else its coordinates. */
  static String place(Park park, Place place) {
    if (place.road().isPresent()) {
      for (Road road : park.roads()) {
        if (road.id().equals(place.road().get())) {
          return road.name();
        }
      }
    }
    if (place.zone().isPresent()) {
      for (ControlZone zone : park.zones()) {
        if (zone.id().equals(place.zone().get())) {
          return zone.name();
        }
      }
    }
    return String.format(Locale.ROOT, "%.6f,%.6f", place.lon(), place.lat());
  }

  /** The rule's parameters and measures, as the panel and the journal show them. */
  static Map<String, String> parameters(Violation v, String routeName, double overspeedTolerance) {
    Map<String, String> p = new LinkedHashMap<>();
    if (v.rule() == RuleKind.OVERSPEED) {
      p.put("speed_kmh", number(v.reading().measured()));
      p.put("limit_kmh", number(v.reading().threshold() / (1 + overspeedTolerance)));
    }
    p.put("threshold", number(v.reading().threshold()));
    p.put("measured", number(v.reading().measured()));
    p.put("unit", v.reading().unit());
    p.put("min_duration_s", Long.toString(v.reading().minimumDuration().toSeconds()));
    if (v.rule() == RuleKind.ROUTE_DEVIATION) {
      p.put("route", routeName);
    }
    v.terminalAlarm().ifPresent(a -> p.put("terminal_alarm", a.name()));
    return p;
  }

  /** One line for the alarm: the rule, the measure against the threshold, the domain's detail. */
  static String detail(Violation v, String placeName) {
    String text = label(v.rule()) + " " + number(v.reading().measured()) + " " + v.reading().unit() + "（阈值 "
        + number(v.reading().threshold()) + "）@" + placeName + ": " + v.detail();
    return text.length() > 256 ? text.substring(0, 256) : text;
  }

  static String number(double value) {
    if (!Double.isFinite(value)) {
      return "";
    }
    double tenths = Math.rint(value * 10) / 10; // 33 / 1.1 is 30.000000000000004
    return Math.rint(tenths) == tenths ? Long.toString((long) tenths) : String.format(Locale.ROOT, "%.1f", tenths);
  }
}
