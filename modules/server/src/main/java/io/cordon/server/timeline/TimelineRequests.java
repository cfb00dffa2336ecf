package io.cordon.server.timeline;

import io.cordon.api.v1.PositionsAtRequest;
import io.cordon.api.v1.SubjectRef;
import io.cordon.api.v1.TimelineLane;
import io.cordon.api.v1.TimelineRequest;
import io.cordon.domain.park.ControlZone;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ZoneId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks timeline requests and turns them into scopes; every refusal names its field. */
final class TimelineRequests {

  static final Duration MAX_WINDOW = Duration.ofHours(24);
  static final int DEFAULT_MAX_ENTRIES = 5_000;
  static final int MAX_ENTRIES = 20_000;
  static final int DEFAULT_MAX_TRACK_POINTS = 2_000;
  static final int MAX_TRACK_POINTS = 20_000;
  static final int DEFAULT_MAX_AGE_SECONDS = 120;
  static final int MAX_AGE_SECONDS = 86_400;
  static final int MAX_SUBJECTS = 200;
  static final int MAX_PLATES = 5_000;
  private static final int MAX_KIND = 32;
  private static final int MAX_ID = 128;

  private final Park park;
  private final IncidentScopes incidents;

  TimelineRequests(Park park, IncidentScopes incidents) {
    this.park = park;
    this.incidents = incidents;
  }

  TimelineScope check(TimelineRequest r) {
    Optional<IncidentScopes.Scope> incident = Optional.empty();
    if (!r.getIncidentId().isEmpty()) {
      incident = incidents.scope(r.getIncidentId());
      if (incident.isEmpty()) {
        throw RequestRefusal.notFound("incident_id", "no incident " + r.getIncidentId());
      }
    }
    Instant from = r.hasFrom() ? Times.instant(r.getFrom())
        : incident.map(IncidentScopes.Scope::from).orElseThrow(() -> RequestRefusal.invalid("from", "is required"));
    Instant to = r.hasTo() ? Times.instant(r.getTo())
        : incident.map(IncidentScopes.Scope::to).orElseThrow(() -> RequestRefusal.invalid("to", "is required"));
    if (!to.isAfter(from)) {
      throw RequestRefusal.invalid("to", "must be after from");
    }
    boolean clamped = false;
    if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
      if (r.hasTo() && r.hasFrom() || incident.isEmpty()) {
        throw RequestRefusal.invalid("to", "a timeline covers at most 24 hours");
      }
      to = from.plus(MAX_WINDOW); // an incident longer than a day: its first day, flagged truncated
      clamped = true;
    }
    int maxEntries = limit(r.getMaxEntries(), DEFAULT_MAX_ENTRIES, 1, MAX_ENTRIES, "max_entries");
    int maxTrackPoints = limit(r.getMaxTrackPoints(), DEFAULT_MAX_TRACK_POINTS, 2, MAX_TRACK_POINTS,
        "max_track_points");
    Set<SubjectRef> subjects = new LinkedHashSet<>();
    for (int i = 0; i < r.getSubjectsCount(); i++) {
      subjects.add(subject(r.getSubjects(i), "subjects[" + i + "]"));
    }
    incident.ifPresent(s -> subjects.addAll(s.subjects()));
    List<Area> areas = new ArrayList<>();
    if (r.hasArea()) {
      areas.add(Area.parse(r.getArea(), "area"));
    }
    for (int i = 0; i < r.getGateIdsCount(); i++) {
      String id = r.getGateIds(i);
      if (id.isEmpty() || park.gate(new GateId(id)).isEmpty()) {
        throw RequestRefusal.notFound("gate_ids[" + i + "]", "no gate " + id + " in the park");
      }
      subjects.add(SubjectRef.newBuilder().setKind("gate").setId(id).build());
    }
    for (int i = 0; i < r.getZoneIdsCount(); i++) {
      String id = r.getZoneIds(i);
      Optional<ControlZone> zone = id.isEmpty() ? Optional.empty() : park.zone(new ZoneId(id));
      if (zone.isEmpty()) {
        throw RequestRefusal.notFound("zone_ids[" + i + "]", "no zone " + id + " in the park");
      }
      subjects.add(SubjectRef.newBuilder().setKind("zone").setId(id).build());
      areas.add(Area.of(zone.get().area()));
    }
    if (subjects.size() > MAX_SUBJECTS) {
      throw RequestRefusal.invalid("subjects", "at most " + MAX_SUBJECTS + " subjects");
    }
    Set<TimelineLane> lanes = EnumSet.noneOf(TimelineLane.class);
    for (int i = 0; i < r.getLanesValueList().size(); i++) {
      TimelineLane lane = TimelineLane.forNumber(r.getLanesValue(i));
      if (lane == null || lane == TimelineLane.TIMELINE_LANE_UNSPECIFIED) {
        throw RequestRefusal.invalid("lanes[" + i + "]", "is not a lane");
      }
      lanes.add(lane);
    }
    return new TimelineScope(from, to, List.copyOf(subjects), areas, lanes, r.getIncludeTracks(), maxEntries,
        maxTrackPoints, clamped);
  }

  /** A checked positions-at request: the moment, the age limit, the plates (empty: all) and the area. */
  record PositionsScope(Instant at, Duration maxAge, Set<String> plates, Optional<Area> area) {
  }

  PositionsScope check(PositionsAtRequest r) {
    if (!r.hasAt()) {
      throw RequestRefusal.invalid("at", "is required");
    }
    int maxAge = limit(r.getMaxAgeSeconds(), DEFAULT_MAX_AGE_SECONDS, 1, MAX_AGE_SECONDS, "max_age_seconds");
    if (r.getPlatesCount() > MAX_PLATES) {
      throw RequestRefusal.invalid("plates", "at most " + MAX_PLATES + " plates");
    }
    Set<String> plates = new LinkedHashSet<>();
    for (int i = 0; i < r.getPlatesCount(); i++) {
      if (r.getPlates(i).isEmpty()) {
        throw RequestRefusal.invalid("plates[" + i + "]", "is empty");
      }
      plates.add(r.getPlates(i));
    }
    Optional<Area> area = r.hasArea() ? Optional.of(Area.parse(r.getArea(), "area")) : Optional.empty();
    return new PositionsScope(Times.instant(r.getAt()), Duration.ofSeconds(maxAge), plates, area);
  }

  private static SubjectRef subject(SubjectRef s, String field) {
    if (s.getKind().isEmpty() || s.getKind().length() > MAX_KIND) {
      throw RequestRefusal.invalid(field + ".kind", "must be 1.." + MAX_KIND + " characters");
    }
    if (s.getId().isEmpty() || s.getId().length() > MAX_ID) {
      throw RequestRefusal.invalid(field + ".id", "must be 1.." + MAX_ID + " characters");
    }
    return s;
  }

  /** 0 is the default; otherwise the value must lie in [min, max]. */
  private static int limit(int value, int defaultValue, int min, int max, String field) {
    if (value == 0) {
      return defaultValue;
    }
    if (value < min || value > max) { // uint32 above 2^31 arrives negative
      throw RequestRefusal.invalid(field, "must be " + min + ".." + max + " (0 for " + defaultValue + ")");
    }
    return value;
  }
}
