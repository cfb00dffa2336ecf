package io.cordon.server.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.PositionAt;
import io.cordon.api.v1.PositionsAt;
import io.cordon.api.v1.PositionsAtRequest;
import io.cordon.api.v1.SubjectRef;
import io.cordon.api.v1.Timeline;
import io.cordon.api.v1.TimelineEntry;
import io.cordon.api.v1.TimelineLane;
import io.cordon.api.v1.TimelineRequest;
import io.cordon.domain.park.Park;
import io.cordon.server.persistence.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;

/**
 * Timelines from the journal and the stored positions. An event is kept when it is about any requested
 * subject (gates and zones count as subjects) or lies in any area (zones count as areas); no filter keeps the
 * whole park. Kept events in a lane the request wants become entries, oldest first, at most max_entries; an
 * alarm raised in the window spans to its close when that falls in the window too. Tracks: the whole window
 * of every vehicle named by a subject or an entry, and the fixes in the areas of every other vehicle. The answer
 * stays under gRPC's default 4 MiB message limit: see {@link AnswerBudget}.
 */
public final class JournalTimelines implements TimelineQueries {

  /** Vehicles whose whole track is read one by one (subjects first, then the entries' vehicles). */
  static final int MAX_TRACKED_PLATES = 500;
  /** Points over all tracks of one answer, so the message stays a few MB whatever the request asks. */
  static final int MAX_TOTAL_TRACK_POINTS = 100_000;
  private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
  };

  private final Database database;
  private final TimelineRequests requests;
  private final ParkCameras cameras;
  private final int maxAnswerBytes;
  private final ObjectMapper json = new ObjectMapper();

  public JournalTimelines(Database database, Park park, IncidentScopes incidents) {
    this(database, park, incidents, AnswerBudget.DEFAULT_MAX_BYTES);
  }

  /** @param maxAnswerBytes the largest serialized answer (see {@link AnswerBudget}) */
  JournalTimelines(Database database, Park park, IncidentScopes incidents, int maxAnswerBytes) {
    this.database = database;
    this.requests = new TimelineRequests(park, incidents);
    this.cameras = new ParkCameras(park);
    this.maxAnswerBytes = maxAnswerBytes;
  }

  /**
   * @throws RequestRefusal when the request is invalid or names something unknown
   */
  @Override
  public Timeline timeline(TimelineRequest request) {
    TimelineScope scope = requests.check(request);
    Timeline whole = database.inTransaction(session -> session.doReturningWork(c -> assemble(c, scope)));
    return AnswerBudget.fit(whole, maxAnswerBytes);
  }

  /**
   * @throws RequestRefusal when the request is invalid
   */
  @Override
  public PositionsAt positionsAt(PositionsAtRequest request) {
    TimelineRequests.PositionsScope scope = requests.check(request);
    return database.inTransaction(session -> session.doReturningWork(c -> positionsAt(c, scope)));
  }

  private Timeline assemble(Connection c, TimelineScope scope) throws SQLException {
    JournalReads journal = new JournalReads(c);
    List<JournalRow> rows = scope.wholePark()
        ? journal.rowsInOrder(scope.from(), scope.to(), row -> inLane(scope, row), scope.maxEntries() + 1)
        : matching(journal, scope);
    boolean truncated = scope.clamped() || rows.size() > scope.maxEntries();
    if (rows.size() > scope.maxEntries()) {
      rows = rows.subList(0, scope.maxEntries());
    }
    Map<Long, List<SubjectRef>> subjects = journal.subjects(rows.stream().map(JournalRow::seq).toList());
    List<Event> events = new ArrayList<>(rows.size());
    for (JournalRow row : rows) {
      events.add(event(row, subjects.getOrDefault(row.seq(), List.of())));
    }
    Map<String, AlarmFacts.Fact> alarms = AlarmFacts.read(c, alarmIds(events));
    Timeline.Builder timeline = Timeline.newBuilder()
        .setFrom(Times.timestamp(scope.from()))
        .setTo(Times.timestamp(scope.to()))
        .setTruncated(truncated);
    for (Event event : events) {
      TimelineEntry.Builder entry = TimelineEntry.newBuilder().setLane(LaneOfType.of(event.getType()).orElseThrow())
          .setEvent(event);
      closeOf(event, alarms, scope.to()).ifPresent(end -> entry.setEnd(Times.timestamp(end)));
      timeline.addEntries(entry);
    }
    timeline.addAllCameraIds(cameraIds(scope, events, alarms));
    if (scope.includeTracks()) {
      timeline.addAllTracks(tracks(new PositionReads(c), scope, events));
    }
    return timeline.build();
  }

  /** Events about any subject or in any area, in a wanted lane, oldest first (one more than fit, if so). */
  private List<JournalRow> matching(JournalReads journal, TimelineScope scope) throws SQLException {
    Map<Long, JournalRow> found = new HashMap<>();
    Optional<long[]> range = scope.subjects().isEmpty() ? Optional.empty()
        : journal.seqRange(scope.from(), scope.to());
    if (range.isPresent()) {
      Set<Long> seqs = new LinkedHashSet<>();
      for (SubjectRef subject : scope.subjects()) {
        seqs.addAll(journal.seqsAbout(subject, range.get()[0], range.get()[1]));
      }
      for (JournalRow row : journal.rows(List.copyOf(seqs), scope.from(), scope.to())) {
        if (inLane(scope, row)) {
          found.put(row.seq(), row);
        }
      }
    }
    for (Area area : scope.areas()) {
      for (JournalRow row : journal.rowsIn(scope.from(), scope.to(), area.box(),
          row -> !found.containsKey(row.seq()) && inLane(scope, row) && area.covers(row.lon(), row.lat()))) {
        found.put(row.seq(), row);
      }
    }
    List<JournalRow> rows = new ArrayList<>(found.values());
    rows.sort(JournalRow.TIME_ORDER);
    return rows.size() > scope.maxEntries() + 1 ? rows.subList(0, scope.maxEntries() + 1) : rows;
  }

  private static boolean inLane(TimelineScope scope, JournalRow row) {
    Optional<TimelineLane> lane = LaneOfType.of(row.type());
    return lane.isPresent() && scope.keeps(lane.get());
  }

  private Event event(JournalRow row, List<SubjectRef> subjects) {
    Event.Builder b = Event.newBuilder()
        .setSeq(row.seq())
        .setTime(Times.timestamp(row.occurredAt()))
        .setRecordedAt(Times.timestamp(row.recordedAt()))
        .setType(row.type())
        .setSummary(row.summary())
        .putAllAttributes(attributes(row.attributes()))
        .addAllSubjects(subjects);
    if (row.located()) {
      b.setLocation(LonLat.newBuilder().setLon(row.lon()).setLat(row.lat()));
    }
    return b.build();
  }

  private Map<String, String> attributes(String text) {
    try {
      return json.readValue(text, STRING_MAP);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("corrupt attributes in the journal", e);
    }
  }

  /** The alarms the entries are about (alarm.* events name theirs first). */
  private static List<String> alarmIds(List<Event> events) {
    Set<String> ids = new LinkedHashSet<>();
    for (Event event : events) {
      alarmOf(event).ifPresent(ids::add);
    }
    return List.copyOf(ids);
  }

  private static Optional<String> alarmOf(Event event) {
    if (!event.getType().startsWith("alarm.")) {
      return Optional.empty();
    }
    return event.getSubjectsList().stream().filter(s -> s.getKind().equals("alarm")).map(SubjectRef::getId)
        .findFirst();
  }

  /** An alarm.raised entry spans to the alarm's close when that lies in the window. */
  private static Optional<Instant> closeOf(Event event, Map<String, AlarmFacts.Fact> alarms, Instant to) {
    if (!event.getType().equals("alarm.raised")) {
      return Optional.empty();
    }
    return alarmOf(event).map(alarms::get).flatMap(AlarmFacts.Fact::closedAt).filter(closed -> closed.isBefore(to));
  }

  /** Cameras linked to the entries' alarms, then those at the gates and in the zones asked for or named. */
  private List<String> cameraIds(TimelineScope scope, List<Event> events, Map<String, AlarmFacts.Fact> alarms) {
    Set<String> ids = new LinkedHashSet<>();
    alarms.values().forEach(a -> ids.addAll(a.alarm().getLinkedCameraIdsList()));
    List<SubjectRef> places = new ArrayList<>(scope.subjects());
    events.forEach(e -> places.addAll(e.getSubjectsList()));
    for (SubjectRef s : places) {
      if (s.getKind().equals("gate")) {
        ids.addAll(cameras.ofGate(s.getId()));
      } else if (s.getKind().equals("zone")) {
        ids.addAll(cameras.ofZone(s.getId()));
      } else if (s.getKind().equals("camera")) {
        ids.add(s.getId());
      }
    }
    return List.copyOf(ids);
  }

  private static List<io.cordon.api.v1.VehicleTimelineTrack> tracks(PositionReads positions, TimelineScope scope,
      List<Event> events) throws SQLException {
    Set<String> plates = new LinkedHashSet<>();
    scope.subjects().stream().filter(s -> s.getKind().equals("vehicle")).forEach(s -> plates.add(s.getId()));
    events.forEach(e -> e.getSubjectsList().stream().filter(s -> s.getKind().equals("vehicle"))
        .forEach(s -> plates.add(s.getId())));
    Set<String> tracked = plates.stream().limit(MAX_TRACKED_PLATES).collect(Collectors.toCollection(HashSet::new));
    Map<String, Fixes> tracks = new TreeMap<>();
    if (scope.areas().isEmpty()) {
      for (String plate : tracked) {
        Fixes fixes = positions.track(plate, scope.from(), scope.to());
        if (fixes.size > 0) {
          tracks.put(plate, fixes);
        }
      }
    } else {
      // one scan of the window for both: the tracked plates' whole tracks, every other fix inside an area; an
      // area's hour names a hundred or more plates, and reading each plate's track apart cost more than the scan
      Envelope box = new Envelope();
      scope.areas().forEach(area -> box.expandToInclude(area.box()));
      tracks.putAll(positions.fixesIn(scope.from(), scope.to(), false, box, tracked,
          (plate, at) -> tracked.contains(plate) || scope.areas().stream().anyMatch(a -> a.covers(at[0], at[1]))));
    }
    if (tracks.isEmpty()) {
      return List.of();
    }
    int perTrack = Math.max(2, Math.min(scope.maxTrackPoints(), MAX_TOTAL_TRACK_POINTS / tracks.size()));
    return tracks.values().stream().map(f -> f.track(perTrack)).toList();
  }

  private static PositionsAt positionsAt(Connection c, TimelineRequests.PositionsScope scope) throws SQLException {
    PositionReads positions = new PositionReads(c);
    Instant since = scope.at().minus(scope.maxAge());
    Map<String, Fixes> last = new LinkedHashMap<>();
    if (!scope.plates().isEmpty() && scope.plates().size() <= 50) {
      for (String plate : scope.plates()) {
        Fixes fix = positions.lastOf(plate, since, scope.at());
        if (fix != null && scope.area().map(a -> a.covers(lonOf(fix), latOf(fix))).orElse(true)) {
          last.put(plate, fix);
        }
      }
    } else {
      // one range scan of the window by fix time: a park's 2,000 vehicles report a few fixes each in it; no
      // box in SQL, since a vehicle whose last fix left the area is not in it even if an older fix was
      last.putAll(positions.fixesIn(since, scope.at(), true, null,
          Set.of(), (plate, at) -> PositionReads.any(scope.plates(), plate)));
    }
    PositionsAt.Builder answer = PositionsAt.newBuilder().setAt(Times.timestamp(scope.at()));
    last.values().stream().sorted(Comparator.comparing(f -> f.plate)).forEach(fixes -> {
      io.cordon.api.v1.TrackPoint point = fixes.point(fixes.size - 1);
      if (scope.area().map(a -> a.covers(point.getPosition().getLon(), point.getPosition().getLat())).orElse(true)) {
        answer.addVehicles(PositionAt.newBuilder().setPlate(fixes.plate).setVehicleClass(fixes.vehicleClass)
            .setPoint(point));
      }
    });
    return answer.build();
  }

  private static double lonOf(Fixes f) {
    return f.point(f.size - 1).getPosition().getLon();
  }

  private static double latOf(Fixes f) {
    return f.point(f.size - 1).getPosition().getLat();
  }
}
