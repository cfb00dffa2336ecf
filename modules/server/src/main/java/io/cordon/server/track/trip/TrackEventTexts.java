package io.cordon.server.track.trip;

import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.TrackEvent;
import io.cordon.server.event.JournalEvent;
import java.util.Map;
import java.util.Optional;

/**
 * Journal events about a vehicle as replay events: the kind ("terminal.issued", "gate.entry",
 * "violation.started"...) and a short Chinese text, e.g. "超速 58 km/h（限速 40）".
 *
 * <p>Read formats: this package's own events (TripEvents); gate access ("gate.access", "gate.forced",
 * "gate.tailgate" with attributes direction ENTRY/EXIT, passed, lane, rule); and the position
 * pipeline's "track.violation_started" / "track.violation_ended" (attributes rule = RuleKind name,
 * alarm_id, detail, place, and for overspeed speed_kmh and limit_kmh) and "track.lot_*" (lot_id,
 * enterprise_id, loading_point). Any other "track.x_y" event becomes kind "x.y" with its summary.
 */
final class TrackEventTexts {

  private static final Map<String, String> RULES = Map.of(
      "ROUTE_DEVIATION", "路线偏离",
      "OVERSPEED", "超速",
      "FORBIDDEN_ZONE", "闯入禁入区域",
      "LINGERING", "异常滞留",
      "OUTSIDE_TIME_WINDOW", "时段外在园",
      "OVERSTAY", "超时滞留",
      "SIGNAL_LOST", "定位信号丢失",
      "TERMINAL_ALARM", "终端报警");

  private TrackEventTexts() {
  }

  /** The replay event for a journal event, or empty for one that says nothing on the track. */
  static Optional<TrackEvent> of(JournalEvent e) {
    Map<String, String> a = e.attributes();
    String type = e.type();
    String kind;
    String rule = "";
    String text;
    if (type.startsWith("gate.")) {
      boolean exit = "EXIT".equals(a.get("direction"));
      String where = a.getOrDefault("gate_id", gateOf(e)) + (a.containsKey("lane") ? "/" + a.get("lane") : "");
      if (type.equals("gate.forced")) {
        kind = "gate.forced";
        text = (exit ? "强行出园 " : "强行入园 ") + where;
      } else if (type.equals("gate.tailgate")) {
        kind = "gate.tailgate";
        text = "尾随通行 " + where;
      } else if (!Boolean.parseBoolean(a.getOrDefault("passed", "false"))) {
        kind = exit ? "gate.exit_denied" : "gate.entry_denied";
        text = (exit ? "出园被拒 " : "入园被拒 ") + where + (a.containsKey("rule") ? "（" + a.get("rule") + "）" : "");
      } else {
        kind = exit ? "gate.exit" : "gate.entry";
        text = (exit ? "出园 " : "入园 ") + where;
      }
    } else if (type.startsWith("track.")) {
      String name = type.substring("track.".length());
      int cut = name.indexOf('_');
      kind = cut < 0 ? name : name.substring(0, cut) + "." + name.substring(cut + 1);
      rule = a.getOrDefault("rule", "");
      text = text(kind, rule, a, e.summary());
    } else {
      return Optional.empty();
    }
    TrackEvent.Builder b = TrackEvent.newBuilder()
        .setTime(TripProtos.ts(e.occurredAt()))
        .setKind(kind)
        .setRule(rule)
        .setText(text)
        .setAlarmId(a.getOrDefault("alarm_id", ""))
        .setSeq(e.seq());
    e.location().ifPresent(l -> b.setPosition(LonLat.newBuilder().setLon(l.lon()).setLat(l.lat())));
    return Optional.of(b.build());
  }

  private static String text(String kind, String rule, Map<String, String> a, String summary) {
    String gate = a.getOrDefault("gate_id", "");
    String terminal = a.getOrDefault("terminal_number", "");
    switch (kind) {
      case "terminal.issued":
        return "发放定位终端 " + terminal + " @ " + gate;
      case "terminal.returned":
        return "回收定位终端 " + terminal + " @ " + gate;
      case "trip.opened":
        return "行程开始（自带终端 " + terminal + "）";
      case "trip.closed":
        return "行程结束（自带终端 " + terminal + "）";
      case "violation.started":
        return violation(rule, a, summary);
      case "violation.ended":
        return RULES.getOrDefault(rule, rule) + "结束";
      case "lot.entered":
        return "驶入危险品车辆停车场";
      case "lot.exited":
        return "驶出危险品车辆停车场";
      case "lot.released":
        return "放行至装卸点 " + a.getOrDefault("loading_point", "");
      default:
        return summary;
    }
  }

  private static String violation(String rule, Map<String, String> a, String summary) {
    String name = RULES.getOrDefault(rule, rule);
    if ("OVERSPEED".equals(rule) && a.containsKey("speed_kmh") && a.containsKey("limit_kmh")) {
      return name + " " + whole(a.get("speed_kmh")) + " km/h（限速 " + whole(a.get("limit_kmh")) + "）";
    }
    String detail = a.getOrDefault("detail", a.getOrDefault("place", ""));
    if (!detail.isEmpty()) {
      return name + "：" + detail;
    }
    return name.isEmpty() ? summary : name;
  }

  private static String whole(String number) {
    try {
      return Long.toString(Math.round(Double.parseDouble(number)));
    } catch (NumberFormatException e) {
      return number;
    }
  }

  private static String gateOf(JournalEvent e) {
    return e.subjects().stream().filter(s -> s.kind().equals("gate")).map(s -> s.id()).findFirst().orElse("");
  }
}
