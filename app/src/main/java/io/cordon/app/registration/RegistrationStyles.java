package io.cordon.app.registration;

/** Style-class names of the registration window (rules in the theme's "registration" section). */
final class RegistrationStyles {
  static final String WINDOW = "reg-window";
  static final String FILTERS = "reg-filters";
  static final String TABLE = "reg-table";
  static final String OVERDUE = "reg-overdue";
  static final String DUE_SOON = "reg-due-soon";
  static final String REVIEW = "reg-review";
  static final String REVIEW_BODY = "reg-review-body";
  static final String TITLE = "reg-title";
  static final String SECTION = "reg-section";
  static final String SECTION_TITLE = "reg-section-title";
  static final String GRID = "reg-grid";
  static final String KEY = "reg-key";
  static final String VALUE = "reg-value";
  static final String MUTED = "reg-muted";
  static final String CHIP = "reg-chip";
  static final String CHIP_STATE_PREFIX = "reg-state-";
  static final String LAPSED = "reg-lapsed";
  static final String FINDING = "reg-finding";
  static final String FINDING_PREFIX = "reg-finding-";
  static final String OK = "reg-ok";
  static final String DECISION = "reg-decision";
  static final String ERROR = "reg-error";
  static final String PERMIT = "reg-permit";
  static final String FORM = "reg-form";
  static final String APPROVE = "reg-approve-button";

  private RegistrationStyles() {}
}
