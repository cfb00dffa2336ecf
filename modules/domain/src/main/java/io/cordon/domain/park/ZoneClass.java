package io.cordon.domain.park;

/** 核心/关键/一般控制区 (guideline §3.3–3.5, §6.3). Ordered from highest risk to lowest. */
public enum ZoneClass {
  CORE,
  KEY,
  GENERAL
}
