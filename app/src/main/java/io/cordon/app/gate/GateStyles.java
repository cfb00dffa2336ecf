package io.cordon.app.gate;

import java.util.Locale;

/** Style-class names of the gates view, presence panel and emergency controls (theme section "gates"). */
public final class GateStyles {
  public static final String VIEW = "gates-view";
  public static final String FILTERS = "gates-filters";
  public static final String CARDS = "gates-cards";
  public static final String CARD = "gate-card";
  public static final String CARD_TITLE = "gate-card-title";
  public static final String CARD_TYPE = "gate-card-type";
  public static final String CARD_LATEST = "gate-card-latest";
  public static final String CARD_FAULT = "gate-card-fault";
  public static final String CARD_BUTTON = "gate-card-button";
  public static final String LANE_CHIP = "lane-chip";
  public static final String MODE_BADGE = "gate-mode";
  public static final String AGENT = "gate-agent";
  public static final String TABLE = "gates-table";
  public static final String SECTION_TITLE = "gates-section-title";
  public static final String ERROR = "gates-error";
  public static final String MUTED = "gates-muted";
  public static final String PASSED = "passage-passed";
  public static final String DENIED = "passage-denied";
  public static final String ALARM = "passage-alarm";

  public static final String PRESENCE = "presence-panel";
  public static final String BIG_COUNT = "presence-count";
  public static final String BIG_NUMBER = "presence-number";
  public static final String BIG_LABEL = "presence-label";

  public static final String EMERGENCY_BUTTON = "emergency-button";
  public static final String EMERGENCY_ACTIVE = "emergency-active";
  public static final String EMERGENCY_WINDOW = "emergency-window";
  public static final String EMERGENCY_ELAPSED = "emergency-elapsed";
  public static final String PROGRESS_CHIP = "emergency-chip";

  private GateStyles() {}

  /** e.g. {@code lane-held_open}. */
  public static String lane(Enum<?> barrier) {
    return "lane-" + barrier.name().toLowerCase(Locale.ROOT);
  }

  /** e.g. {@code mode-evacuation}. */
  public static String mode(Enum<?> mode) {
    return "mode-" + mode.name().toLowerCase(Locale.ROOT);
  }

  /** e.g. {@code progress-failed}. */
  public static String progress(Enum<?> progress) {
    return "progress-" + progress.name().toLowerCase(Locale.ROOT);
  }
}
