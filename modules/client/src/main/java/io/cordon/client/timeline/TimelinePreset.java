package io.cordon.client.timeline;

/** The time ranges offered above the timeline: 最近1小时, 今天 (since midnight, park time), 自定义. */
public enum TimelinePreset {
  LAST_HOUR,
  TODAY,
  CUSTOM
}
