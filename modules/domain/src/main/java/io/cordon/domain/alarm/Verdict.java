package io.cordon.domain.alarm;

/** What the alarm turned out to be (真实报警 / 误报 / 干扰). */
public enum Verdict {
  TRUE_ALARM,
  FALSE_ALARM,
  NUISANCE
}
