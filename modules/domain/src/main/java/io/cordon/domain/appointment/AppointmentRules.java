package io.cordon.domain.appointment;

import static io.cordon.domain.appointment.RequiredField.DRIVER;
import static io.cordon.domain.appointment.RequiredField.ESCORT;
import static io.cordon.domain.appointment.RequiredField.GOODS;
import static io.cordon.domain.appointment.RequiredField.LOADING_POINT;
import static io.cordon.domain.appointment.RequiredField.PEOPLE;
import static io.cordon.domain.appointment.RequiredField.PURPOSE;
import static io.cordon.domain.appointment.RequiredField.ROUTE;
import static io.cordon.domain.appointment.RequiredField.VEHICLES;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The configuration of appointments: rules per kind, the park's time zone (certificates expire at the
 * end of a local day) and the exit-confirmation window.
 */
public record AppointmentRules(Map<ApplicationKind, KindRules> kinds, ZoneId zone, Duration exitConfirmationWindow) {

  public AppointmentRules {
    kinds = Map.copyOf(kinds);
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(exitConfirmationWindow, "exitConfirmationWindow");
    for (ApplicationKind k : ApplicationKind.values()) {
      if (!kinds.containsKey(k)) {
        throw new IllegalArgumentException("no rules for " + k);
      }
    }
  }

  public KindRules of(ApplicationKind kind) {
    return kinds.get(kind);
  }

  public AppointmentRules with(ApplicationKind kind, KindRules rules) {
    Map<ApplicationKind, KindRules> m = new EnumMap<>(kinds);
    m.put(kind, rules);
    return new AppointmentRules(m, zone, exitConfirmationWindow);
  }

  /**
   * The proposal's numbers (000 §2.1, 园区进出审批流程):
   * <ul>
   *   <li>hazmat and hazwaste deliveries at least 24 h ahead; the safety department reviews within 2 h,
   *       then emergency management and environmental protection jointly within 1 h (the proposal
   *       gives 0.5–1 h; the forwarding "within 1 h" is immediate here, the system forwards);
   *   <li>ordinary freight and other vehicles — construction vehicles included — at least 48 h ahead;
   *       reviewed within 2 h;
   *   <li>visitors at least 4 h ahead by the visited enterprise, which confirms within 1 h; the park
   *       reviews within 2 h;
   *   <li>staff (long-term registration) at least 1 day ahead (the proposal's "1–3 days"), the
   *       enterprise confirms within 1 h, the park within 2 h (人员入园审批);
   *   <li>the enterprise confirms a dangerous-goods vehicle's exit within 0.5 h (车辆出园审批).
   * </ul>
   * The proposal fixes no window lengths: one day for visits and deliveries, 90 days for
   * construction and a year for long-term registration are our defaults.
   */
  public static AppointmentRules defaults() {
    Duration twoHours = Duration.ofHours(2);
    Duration oneHour = Duration.ofHours(1);
    Set<Department> none = Set.of();
    Set<Department> joint = Set.of(Department.EMERGENCY_MANAGEMENT, Department.ENVIRONMENTAL_PROTECTION);
    Map<ApplicationKind, KindRules> m = new EnumMap<>(ApplicationKind.class);
    m.put(ApplicationKind.LONG_TERM_REGISTRATION, new KindRules(Duration.ofDays(1), Duration.ofDays(366), true,
        oneHour, twoHours, none, oneHour, Set.of()));
    m.put(ApplicationKind.VISITOR, new KindRules(Duration.ofHours(4), Duration.ofDays(1), true, oneHour, twoHours,
        none, oneHour, Set.of(PEOPLE, PURPOSE)));
    Set<RequiredField> dangerous = Set.of(VEHICLES, DRIVER, ESCORT, GOODS, ROUTE, LOADING_POINT);
    m.put(ApplicationKind.HAZMAT_DELIVERY, new KindRules(Duration.ofHours(24), Duration.ofDays(1), false, oneHour,
        twoHours, joint, oneHour, dangerous));
    m.put(ApplicationKind.HAZWASTE_DELIVERY, new KindRules(Duration.ofHours(24), Duration.ofDays(1), false, oneHour,
        twoHours, joint, oneHour, dangerous));
    m.put(ApplicationKind.FREIGHT, new KindRules(Duration.ofHours(48), Duration.ofDays(1), false, oneHour, twoHours,
        none, oneHour, Set.of(VEHICLES, DRIVER, PURPOSE)));
    m.put(ApplicationKind.CONSTRUCTION, new KindRules(Duration.ofHours(48), Duration.ofDays(90), false, oneHour,
        twoHours, none, oneHour, Set.of(PEOPLE, PURPOSE)));
    return new AppointmentRules(m, ZoneId.of("Asia/Shanghai"), Duration.ofMinutes(30));
  }
}
