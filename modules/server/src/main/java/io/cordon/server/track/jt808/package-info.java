/**
 * The JT/T 808 position pipeline (issue 8; DESIGN §10, Traccar's pattern). The devices module's
 * {@link io.cordon.devices.jt808.Jt808Server} decodes frames on its event loops and hands each
 * terminal message to {@link io.cordon.server.track.jt808.Jt808Intake#accept}, which only queues it
 * on the terminal's lane (a terminal always hashes to the same lane, so its positions keep their
 * order). A lane runs, per position: <b>filter</b> ({@code TerminalFilter}: a fix time seen before,
 * more than 5 min ahead of the server or 7 days old, or a jump above 200 km/h is counted and
 * dropped; an invalid fix is kept for signal lost; a fix more than 5 km outside the park is stored
 * flagged and seen by nothing else) → <b>match</b> ({@code OpenTrips.byTerminal}; none = unbound:
 * plate key "终端:" + number, class HAZMAT, flagged, one DEVICE_FAULT alarm per terminal, counted
 * again every 5 min while it reports) → <b>rules</b> (the domain's {@code TrackRuleEngine}, one
 * {@code VehicleRuleState} per terminal and vehicle, ticked every 5 s for the time rules) →
 * <b>parking lot</b> (one {@code HazmatParkingLot} per hazmat lot, fed with the dangerous vehicles
 * near it). Then <b>persist</b>: one committer thread writes every lane's queued positions in one
 * transaction (JDBC batches into {@code vehicle_position}) and only then completes the messages'
 * stages (the terminal's 0x8001), updates the live view ({@code LiveVehiclePositions}, with the
 * terminal, trip, permit, unbound flag and open violations) and hands the events to the
 * <b>publisher</b>, one thread that raises and ends alarms ({@code ConditionAlarmSink}) and
 * journals, in order. No journal event per position.
 *
 * <p>Journal events written here (read by the trajectory replay). Every one has subject
 * ("vehicle", plate) first — plate is "终端:&lt;number&gt;" for an unbound terminal — unless noted;
 * times are ISO-8601 UTC, numbers plain decimals:
 * <ul>
 *   <li>{@code track.violation_started} (occurred at the violation's start; location where it was
 *       detected; subjects + ("terminal", number), ("alarm", id) when raised): plate,
 *       terminal_number, trip_id, permit_id, unbound, rule (RuleKind name, or LOT_OVERSTAY),
 *       violation_key (rule, or rule:BIT for terminal alarms), place (road or zone name), road_id,
 *       zone_id, lon, lat, threshold, measured, unit, min_duration_s, route (ROUTE_DEVIATION: road
 *       ids joined by "/" or "默认专用道路"), terminal_alarm (TERMINAL_ALARM), speed_kmh and limit_kmh
 *       (OVERSPEED), started_at, detected_at, alarm_type, alarm_id (empty when not raised), detail.
 *   <li>{@code track.violation_ended} (occurred when the condition ended; location there): plate,
 *       terminal_number, trip_id, permit_id, unbound, rule, violation_key, place, road_id, zone_id,
 *       lon, lat, started_at, ended_at, detected_at, lasted_s, alarm_id.
 *   <li>{@code track.lot_entered} / {@code track.lot_exited} / {@code track.lot_released} /
 *       {@code track.lot_left_out_of_turn} / {@code track.lot_loading_point_left} (a released
 *       vehicle was at its loading point and drove off; subjects vehicle, ("parking_lot", lot id);
 *       location the lot's centre): plate, lot_id, lot_name, capacity, occupancy (entered, exited),
 *       stayed_s (exited), enterprise_id, loading_point, waited_s (released).
 *   <li>{@code track.lot_overflow_started} / {@code track.lot_overflow_ended} (subject
 *       ("parking_lot", lot id) only): lot_id, lot_name, capacity, occupancy, alarm_id.
 * </ul>
 * Alarms: violations with source ("vehicle", plate) and the rule's alarm type; overstay in the lot
 * PARKING_ANOMALY on the vehicle; overflow PARKING_ANOMALY with source ("device", lot id); an
 * unbound terminal DEVICE_FAULT with source ("device", number). A violation's or overflow's end
 * sets the alarm's condition_ended_at.
 *
 * <p>Auth codes survive restarts ({@link io.cordon.server.track.jt808.StoredJt808Registrations},
 * table {@code jt808_terminal}); duplicates survive them too (the last fix time per terminal is read
 * back at start). Positions without a valid fix are stored with {@code fix_valid = false} and are
 * never shown; readers of {@code vehicle_position} filter on it.
 */
package io.cordon.server.track.jt808;
