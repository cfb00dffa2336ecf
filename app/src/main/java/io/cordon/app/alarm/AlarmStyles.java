package io.cordon.app.alarm;

import io.cordon.domain.alarm.Severity;
import java.util.Locale;

/** Style-class names of the alarm queue and its detail pane (rules in the theme's "alarm queue" section). */
public final class AlarmStyles {
  public static final String QUEUE = "alarm-queue";
  public static final String HEADER = "alarm-header";
  public static final String COUNTER = "alarm-counter";
  public static final String COUNTER_NUMBER = "alarm-counter-number";
  public static final String FILTERS = "alarm-filters";
  public static final String FEED_STATE = "alarm-feed-state";
  public static final String TABLE = "alarm-table";
  public static final String CHIP = "alarm-chip";
  public static final String BADGE = "alarm-badge";
  public static final String ESCALATED = "alarm-escalated";
  public static final String OVERDUE = "alarm-overdue";
  public static final String ACK_BUTTON = "alarm-ack-button";
  public static final String ROW_FLASH = "alarm-row-flash";
  public static final String DETAIL = "alarm-detail";
  public static final String DETAIL_TITLE = "alarm-detail-title";
  public static final String SECTION = "alarm-section";
  public static final String FIELD = "alarm-field";
  public static final String MUTED = "alarm-muted";
  public static final String SOP_STEP = "alarm-sop-step";
  public static final String SOP_PREFIX = "alarm-sop-";
  public static final String ACTIONS = "alarm-actions";
  public static final String ERROR = "alarm-error";
  public static final String BLOCKED = "alarm-blocked";
  /** Pseudo-class on the table and header while a new critical alarm flashes. */
  public static final String FLASH_PSEUDO_CLASS = "flash";

  private AlarmStyles() {}

  /** {@code severity-critical} …, the same classes the event list uses. */
  public static String severity(Severity severity) {
    return "severity-" + severity.name().toLowerCase(Locale.ROOT);
  }
}
