package io.cordon.server.statistics;

import io.cordon.api.v1.AlarmOutcome;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.ReportPeriod;
import io.cordon.api.v1.ZoneClass;
import java.util.Map;

/** The Chinese labels of the exported reports (the duty room's language). */
final class ReportTexts {

  static final String TITLE = "园区封闭化管理统计报表";

  private static final Map<String, String> HOLDER_CLASSES = Map.of(
      "PERSON", "人员", "ORDINARY", "普通车辆", "COMMUTER", "通勤车", "CONSTRUCTION", "工程车辆",
      "HAZMAT", "危险物品运输车辆", "HAZWASTE", "危险废物运输车辆", "UNKNOWN", "未识别");

  private static final Map<AlarmType, String> ALARM_TYPES = Map.ofEntries(
      Map.entry(AlarmType.ALARM_TYPE_PERIMETER_INTRUSION, "周界入侵"),
      Map.entry(AlarmType.ALARM_TYPE_VIDEO_INTRUSION, "区域入侵"),
      Map.entry(AlarmType.ALARM_TYPE_LINE_CROSSING, "越线"),
      Map.entry(AlarmType.ALARM_TYPE_LOITERING, "徘徊"),
      Map.entry(AlarmType.ALARM_TYPE_CROWDING, "人员聚集"),
      Map.entry(AlarmType.ALARM_TYPE_VEHICLE_LINGERING, "车辆滞留"),
      Map.entry(AlarmType.ALARM_TYPE_SMOKE_FIRE, "烟火"),
      Map.entry(AlarmType.ALARM_TYPE_LEFT_OBJECT, "遗留物"),
      Map.entry(AlarmType.ALARM_TYPE_FORCED_PASSAGE, "闯卡"),
      Map.entry(AlarmType.ALARM_TYPE_TAILGATING, "尾随"),
      Map.entry(AlarmType.ALARM_TYPE_HAZMAT_DENIED, "危化品车辆被拒"),
      Map.entry(AlarmType.ALARM_TYPE_VEHICLE_SPEEDING, "超速"),
      Map.entry(AlarmType.ALARM_TYPE_ROUTE_DEVIATION, "路线偏离"),
      Map.entry(AlarmType.ALARM_TYPE_FORBIDDEN_ZONE, "驶入禁行区域"),
      Map.entry(AlarmType.ALARM_TYPE_PARKING_ANOMALY, "停车场异常"),
      Map.entry(AlarmType.ALARM_TYPE_DEVICE_OFFLINE, "设备离线"),
      Map.entry(AlarmType.ALARM_TYPE_DEVICE_TAMPER, "设备防拆/遮挡"),
      Map.entry(AlarmType.ALARM_TYPE_DEVICE_FAULT, "设备故障"),
      Map.entry(AlarmType.ALARM_TYPE_HEARTBEAT_MISSING, "心跳丢失"),
      Map.entry(AlarmType.ALARM_TYPE_MANUAL, "人工上报"));

  private ReportTexts() {
  }

  static String period(ReportPeriod period) {
    switch (period) {
      case REPORT_PERIOD_DAILY:
        return "日报";
      case REPORT_PERIOD_WEEKLY:
        return "周报";
      default:
        return "月报";
    }
  }

  static String holderClass(String name) {
    return HOLDER_CLASSES.getOrDefault(name, name);
  }

  static String alarmType(AlarmType type) {
    return ALARM_TYPES.getOrDefault(type, type.name());
  }

  static String outcome(AlarmOutcome outcome) {
    switch (outcome) {
      case ALARM_OUTCOME_OPEN:
        return "处置中";
      case ALARM_OUTCOME_TRUE:
        return "真实报警";
      case ALARM_OUTCOME_FALSE:
        return "误报";
      case ALARM_OUTCOME_NUISANCE:
        return "干扰";
      case ALARM_OUTCOME_NO_VERDICT:
        return "无结论关闭";
      default:
        return outcome.name();
    }
  }

  static String zone(String zoneName, ZoneClass zoneClass) {
    String cls = zoneClass == ZoneClass.ZONE_CLASS_CORE ? "核心区" : zoneClass == ZoneClass.ZONE_CLASS_KEY ? "关键区"
        : "一般区";
    return zoneName.isEmpty() ? "一般控制区（区外）" : zoneName + "（" + cls + "）";
  }

  static String measure(String measure) {
    return measure.equals("t") ? "吨" : measure.equals("m3") ? "立方米" : "件";
  }

  static String responseBucket(int upperSeconds, int previous) {
    return upperSeconds == 0 ? "> " + previous + " 秒" : "≤ " + upperSeconds + " 秒";
  }
}
