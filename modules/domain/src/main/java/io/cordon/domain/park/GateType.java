package io.cordon.domain.park;

/** 门禁/卡口分类 (guideline §7.1.2.2). */
public enum GateType {
  /** 综合卡口: every vehicle class, each through its own lanes. */
  COMPREHENSIVE,
  /** 专用卡口: hazardous-goods and hazardous-waste vehicles only. */
  DEDICATED,
  /** 普通卡口: ordinary and construction vehicles; never hazmat or hazwaste. */
  ORDINARY,
  /** 应急卡口: rescue and evacuation; normally closed, opened with one click. */
  EMERGENCY
}
