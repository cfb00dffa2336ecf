package io.cordon.server.gate.access;

import io.cordon.domain.gate.access.AccessRule;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the lane's LED shows and its speaker says, in Chinese, at most {@value #MAX} characters:
 * "苏E12345 请通行" / "苏E12345 禁止通行 黑名单".
 */
final class AccessTexts {

  static final int MAX = 64;
  /** The rule code of a credential that cannot be read (not an {@link AccessRule}: no policy ran). */
  static final String MALFORMED_CREDENTIAL = "MALFORMED_CREDENTIAL";

  private static final Map<AccessRule, String> REASONS = new EnumMap<>(AccessRule.class);

  static {
    REASONS.put(AccessRule.LANE_DIRECTION, "车道方向错误");
    REASONS.put(AccessRule.EVACUATION_NO_ENTRY, "疏散中 禁止进入");
    REASONS.put(AccessRule.EMERGENCY_LANE_CLOSED, "应急通道 未开放");
    REASONS.put(AccessRule.PEDESTRIAN_LANE_ONLY, "请走人行通道");
    REASONS.put(AccessRule.VEHICLE_ON_PEDESTRIAN_LANE, "车辆禁走人行通道");
    REASONS.put(AccessRule.DANGEROUS_AT_ORDINARY_GATE, "危化品车辆禁走普通卡口");
    REASONS.put(AccessRule.NOT_DANGEROUS_AT_DEDICATED_GATE, "专用卡口 仅限危化品车辆");
    REASONS.put(AccessRule.LANE_CLASS_MISMATCH, "请走对应车道");
    REASONS.put(AccessRule.UNKNOWN_HOLDER, "未登记");
    REASONS.put(AccessRule.EXIT_NOT_CLEARED, "出园未确认");
    REASONS.put(AccessRule.BLACKLISTED, "黑名单");
    REASONS.put(AccessRule.ENTERPRISE_BLACKLISTED, "企业黑名单");
    REASONS.put(AccessRule.ANTI_PASSBACK, "重复入园");
    REASONS.put(AccessRule.PERMIT_REVOKED, "通行证已撤销");
    REASONS.put(AccessRule.PERMIT_NOT_YET_VALID, "通行证未生效");
    REASONS.put(AccessRule.PERMIT_EXPIRED, "通行证已过期");
    REASONS.put(AccessRule.PERMIT_NOT_FOR_LANE, "非许可车道");
    REASONS.put(AccessRule.PERMIT_NOT_FOR_GATE, "非许可卡口");
    REASONS.put(AccessRule.NO_PERMIT, "无通行证");
    REASONS.put(AccessRule.CORE_AREA_NOT_AUTHORISED, "无核心区授权");
    REASONS.put(AccessRule.ZONE_NOT_GRANTED, "无区域授权");
    REASONS.put(AccessRule.HAZMAT_HOURS, "非危化品通行时段");
    REASONS.put(AccessRule.CAPACITY_PEOPLE, "园区人数已满");
    REASONS.put(AccessRule.CAPACITY_VEHICLES, "园区车辆已满");
    REASONS.put(AccessRule.CAPACITY_DANGEROUS_VEHICLES, "危化品车辆已满");
  }

  private AccessTexts() {
  }

  /** The LED line: who, then the verdict. */
  static String led(String holderName, boolean pass, String rule) {
    String verdict = pass ? "请通行" : "禁止通行 " + reason(rule);
    return fit(holderName.isEmpty() ? verdict : holderName + " " + verdict);
  }

  /** The spoken phrase. */
  static String voice(boolean pass, String rule) {
    return fit(pass ? "请通行" : "禁止通行，" + reason(rule));
  }

  static String reason(String rule) {
    if (MALFORMED_CREDENTIAL.equals(rule)) {
      return "无法识别";
    }
    return AccessRule.ofCode(rule).map(r -> REASONS.getOrDefault(r, "")).orElse("").strip();
  }

  private static String fit(String text) {
    String t = text.strip();
    return t.length() > MAX ? t.substring(0, MAX) : t;
  }
}
