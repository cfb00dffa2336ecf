package io.cordon.domain.gate.access;

/**
 * Every rule that can decide a passage, in the order {@link GateAccessPolicy} applies them. Its
 * {@link #code()} is stable: it goes on the wire to the gate and into the access journal, so never
 * rename a constant; add new ones.
 */
public enum AccessRule {
  /** The lane only runs the other way. */
  LANE_DIRECTION(false, "the lane does not run in this direction"),
  /** Fire, ambulance and rescue vehicles always pass (guideline §7.1.2.2 d). */
  EMERGENCY_SERVICE(true, "emergency-service vehicle"),
  /** Evacuation: everyone may leave. */
  EVACUATION_EXIT(true, "evacuation: exits are free"),
  /** Evacuation: only emergency-service vehicles may come in. */
  EVACUATION_NO_ENTRY(false, "evacuation: entry only for emergency-service vehicles"),
  /** Emergency gates and lanes stay closed outside evacuation (guideline §7.1.2.2 d). */
  EMERGENCY_LANE_CLOSED(false, "emergency gate or lane, closed outside evacuation"),
  /** People on foot use pedestrian lanes only (人车分流, §5.2.2.1). */
  PEDESTRIAN_LANE_ONLY(false, "people on foot use pedestrian lanes"),
  /** Vehicles never use pedestrian lanes (人车分流, §5.2.2.1). */
  VEHICLE_ON_PEDESTRIAN_LANE(false, "vehicles may not use pedestrian lanes"),
  /** Hazmat and hazwaste vehicles never use ordinary gates (§7.1.2.2 c). */
  DANGEROUS_AT_ORDINARY_GATE(false, "dangerous-goods vehicles may not use ordinary gates"),
  /** Ordinary, commuter and construction vehicles never use dedicated gates (§7.1.2.2 b). */
  NOT_DANGEROUS_AT_DEDICATED_GATE(false, "dedicated gates are for dangerous-goods vehicles only"),
  /** Each vehicle class through its own lanes (§5.2.2.1, §7.1.2.2 a). */
  LANE_CLASS_MISMATCH(false, "the lane is not for this vehicle class"),
  /** The credential is not in the registry. */
  UNKNOWN_HOLDER(false, "unknown person or vehicle"),
  /** An unidentified holder leaves; recorded for review. */
  UNKNOWN_EXIT(true, "unknown holder leaves"),
  /** People and non-dangerous vehicles leave freely. */
  EXIT_FREE(true, "exit"),
  /** A dangerous-goods vehicle leaves after its host enterprise confirmed the work is done (出园审批). */
  EXIT_CLEARED(true, "exit confirmed by the host enterprise"),
  /** A dangerous-goods vehicle without the host enterprise's exit confirmation. */
  EXIT_NOT_CLEARED(false, "exit not yet confirmed by the host enterprise"),
  /** The holder is blacklisted. */
  BLACKLISTED(false, "blacklisted"),
  /** The holder's enterprise is blacklisted. */
  ENTERPRISE_BLACKLISTED(false, "enterprise blacklisted"),
  /** A second entry without an exit in between. */
  ANTI_PASSBACK(false, "already inside: no second entry without an exit"),
  /** The permit for this lane was revoked. */
  PERMIT_REVOKED(false, "permit revoked"),
  /** The permit for this lane is not valid yet. */
  PERMIT_NOT_YET_VALID(false, "permit not yet valid"),
  /** The permit for this lane has expired. */
  PERMIT_EXPIRED(false, "permit expired"),
  /** The holder has a permit for this gate, but for other lanes. */
  PERMIT_NOT_FOR_LANE(false, "permit not for this lane"),
  /** The holder has permits, none for this gate. */
  PERMIT_NOT_FOR_GATE(false, "permit not for this gate"),
  /** The holder has no permit at all. */
  NO_PERMIT(false, "no permit"),
  /** An internal checkpoint of a core zone the permit does not authorise (§6.4 a). */
  CORE_AREA_NOT_AUTHORISED(false, "not authorised for the core area"),
  /** An internal checkpoint of a (non-core) zone the permit does not grant. */
  ZONE_NOT_GRANTED(false, "permit does not grant this zone"),
  /** Dangerous-goods vehicles enter only during the park's hazmat hours (限时, §5.2.4). */
  HAZMAT_HOURS(false, "outside the hours for dangerous-goods vehicles"),
  /** The park holds as many people as it may (总量控制, §5.2.4). */
  CAPACITY_PEOPLE(false, "park full: people"),
  /** The park holds as many vehicles as it may (§5.2.4). */
  CAPACITY_VEHICLES(false, "park full: vehicles"),
  /** The park holds as many dangerous-goods vehicles as it may (§5.2.4). */
  CAPACITY_DANGEROUS_VEHICLES(false, "park full: dangerous-goods vehicles"),
  /** Every rule passed: the permit admits the holder now. */
  PERMIT_VALID(true, "permit valid");

  private final boolean passing;
  private final String description;

  AccessRule(boolean passing, String description) {
    this.passing = passing;
    this.description = description;
  }

  /** The stable code on the wire and in the journal (UPPER_SNAKE; equal to the constant's name). */
  public String code() {
    return name();
  }

  /** True for the rules that let the holder through, false for the ones that refuse. */
  public boolean passing() {
    return passing;
  }

  /** A short English description for logs and the operator. */
  public String description() {
    return description;
  }

  /** The rule of a code, for codes read back from the wire or the journal. */
  public static java.util.Optional<AccessRule> ofCode(String code) {
    for (AccessRule r : values()) {
      if (r.code().equals(code)) {
        return java.util.Optional.of(r);
      }
    }
    return java.util.Optional.empty();
  }
}
