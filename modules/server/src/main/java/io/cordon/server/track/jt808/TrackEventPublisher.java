package io.cordon.server.track.jt808;

import io.cordon.api.v1.ActiveViolation;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.LonLat;
import io.cordon.devices.alarm.ReceivedAlarmReport;
import io.cordon.domain.alarm.SourceRef;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkingLot;
import io.cordon.domain.track.parking.LotEvent;
import io.cordon.domain.track.rules.Place;
import io.cordon.domain.track.rules.Violation;
import io.cordon.domain.track.rules.ViolationEnded;
import io.cordon.server.alarm.ConditionAlarmSink;
import io.cordon.server.event.EventJournal;
import io.cordon.server.event.Location;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.track.TrackMessages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Point;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step of the pipeline, after the positions are committed: raises and ends the alarms of
 * violations and parking-lot events and journals them for the trajectory (event types and payloads
 * in the package description). One thread, in the order the pipeline hands them over, so a
 * violation's end always finds the alarm its start raised.
 */
final class TrackEventPublisher implements AutoCloseable {

  static final String VIOLATION_STARTED = "track.violation_started";
  static final String VIOLATION_ENDED = "track.violation_ended";
  static final String LOT_ENTERED = "track.lot_entered";
  static final String LOT_EXITED = "track.lot_exited";
  static final String LOT_RELEASED = "track.lot_released";
  static final String LOT_LOADING_POINT_LEFT = "track.lot_loading_point_left";
  static final String LOT_LEFT_OUT_OF_TURN = "track.lot_left_out_of_turn";
  static final String LOT_OVERFLOW_STARTED = "track.lot_overflow_started";
  static final String LOT_OVERFLOW_ENDED = "track.lot_overflow_ended";
  /** The rule name of a vehicle overstaying in the hazmat parking lot (not a domain RuleKind). */
  static final String LOT_OVERSTAY = "LOT_OVERSTAY";
  static final String REPORTER = "jt808";
  static final String UNBOUND_DETAIL = "未绑定车辆的定位终端上报位置";

  private static final Logger log = LoggerFactory.getLogger(TrackEventPublisher.class);

  private final Park park;
  private final EventJournal journal;
  private final ConditionAlarmSink alarms;
  private final double overspeedTolerance;
  private final LinkedBlockingQueue<Runnable> work = new LinkedBlockingQueue<>();
  private final Thread thread;
  private volatile boolean abandoned;
  private volatile boolean running = true;
  // publisher thread only
  private final Map<String, String> openAlarms = new LinkedHashMap<>();
  /** The violations of each vehicle now, with their alarms (read by the panel from any thread). */
  private final Map<String, Map<String, ActiveViolation>> active = new ConcurrentHashMap<>();

  TrackEventPublisher(Park park, EventJournal journal, ConditionAlarmSink alarms, double overspeedTolerance) {
    this.park = park;
    this.overspeedTolerance = overspeedTolerance;
    this.journal = journal;
    this.alarms = alarms;
    this.thread = new Thread(this::run, "cordon-track-events");
    thread.setDaemon(true);
    thread.start();
  }

  /** The violations a vehicle breaks now, oldest first. */
  List<ActiveViolation> active(String plate) {
    Map<String, ActiveViolation> open = active.get(plate);
    if (open == null) {
      return List.of();
    }
    List<ActiveViolation> list = new ArrayList<>(open.values());
    list.sort((a, b) -> Long.compare(a.getSince().getSeconds(), b.getSince().getSeconds()));
    return list;
  }

  void violationStarted(VehicleBinding vehicle, String terminal, Violation v) {
    work.add(() -> started(vehicle, terminal, v));
  }

  void violationEnded(VehicleBinding vehicle, String terminal, ViolationEnded e) {
    work.add(() -> ended(vehicle, terminal, e));
  }

  void lotEvents(ParkingLot lot, List<LotEvent> events) {
    if (!events.isEmpty()) {
      work.add(() -> events.forEach(e -> lot(lot, e)));
    }
  }

  void unbound(String terminal, double lon, double lat, Instant at) {
    work.add(() -> raise(new ReceivedAlarmReport("unbound/" + terminal + "/" + at.toEpochMilli(), REPORTER,
        io.cordon.domain.alarm.AlarmType.DEVICE_FAULT, Optional.empty(), new SourceRef("device", terminal), lon, lat,
        List.of(), UNBOUND_DETAIL, at)));
  }

  /** Runs what is queued, then stops. */
  @Override
  public void close() {
    running = false;
    work.add(() -> {
    });
    try {
      thread.join(TimeUnit.SECONDS.toMillis(15));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) { // the alarm center and the database close next: what is left cannot be published
      abandoned = true;
      log.warn("Stopped with {} track events not published", work.size());
    }
  }

  private void run() {
    while ((running || !work.isEmpty()) && !abandoned) {
      Runnable next;
      try {
        next = work.poll(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (next == null) {
        continue;
      }
      try {
        next.run();
      } catch (RuntimeException e) {
        log.warn("A track event was not published", e);
      }
    }
  }

  // ---- violations ----

  private void started(VehicleBinding vehicle, String terminal, Violation v) {
    String plate = vehicle.plate();
    String placeName = RuleTexts.place(park, v.place());
    Map<String, String> parameters = RuleTexts.parameters(v, vehicle.routeName(), overspeedTolerance);
    String requestId = "track/" + plate + "/" + v.key() + "/" + v.startedAt().toEpochMilli();
    Optional<String> alarmId = raise(new ReceivedAlarmReport(requestId, REPORTER, v.alarmType(), v.severity(),
        new SourceRef("vehicle", plate), v.place().lon(), v.place().lat(), List.of(),
        RuleTexts.detail(v, placeName), v.detectedAt()));
    alarmId.ifPresent(id -> openAlarms.put(plate + "|" + v.key(), id));
    ActiveViolation.Builder shown = ActiveViolation.newBuilder().setRule(v.rule().name())
        .setAlarmType(AlarmType.valueOf("ALARM_TYPE_" + v.alarmType().name()))
        .setSince(TrackMessages.timestamp(v.startedAt()))
        .setPosition(LonLat.newBuilder().setLon(v.place().lon()).setLat(v.place().lat()))
        .setPlace(placeName).putAllParameters(parameters).setAlarmId(alarmId.orElse(""));
    active.computeIfAbsent(plate, k -> new ConcurrentHashMap<>()).put(v.key(), shown.build());
    Map<String, String> a = common(vehicle, terminal, v.rule().name(), v.key(), v.place(), placeName);
    a.putAll(parameters);
    a.put("started_at", v.startedAt().toString());
    a.put("detected_at", v.detectedAt().toString());
    a.put("alarm_type", v.alarmType().name());
    a.put("alarm_id", alarmId.orElse(""));
    a.put("detail", RuleTexts.detail(v, placeName));
    append(new NewEvent(v.startedAt(), VIOLATION_STARTED, subjects(plate, terminal, alarmId), location(v.place()),
        clip(plate + " " + RuleTexts.label(v.rule()) + " @" + placeName + ": " + v.detail()), a));
  }

  private void ended(VehicleBinding vehicle, String terminal, ViolationEnded e) {
    Violation v = e.violation();
    String plate = vehicle.plate();
    String alarmId = openAlarms.remove(plate + "|" + v.key());
    Map<String, ActiveViolation> open = active.get(plate);
    if (open != null) {
      open.remove(v.key());
      if (open.isEmpty()) {
        active.remove(plate);
      }
    }
    String placeName = RuleTexts.place(park, e.place());
    if (alarmId != null) {
      try {
        alarms.conditionEnded(alarmId, e.endedAt(), RuleTexts.label(v.rule()) + "结束 @" + placeName);
      } catch (RuntimeException failure) {
        log.warn("The end of {} of {} was not noted on alarm {}", v.rule(), plate, alarmId, failure);
      }
    }
    Map<String, String> a = common(vehicle, terminal, v.rule().name(), v.key(), e.place(), placeName);
    a.put("started_at", v.startedAt().toString());
    a.put("ended_at", e.endedAt().toString());
    a.put("detected_at", e.detectedAt().toString());
    a.put("lasted_s", Long.toString(e.lasted().toSeconds()));
    a.put("alarm_id", alarmId == null ? "" : alarmId);
    append(new NewEvent(e.endedAt(), VIOLATION_ENDED, subjects(plate, terminal, Optional.ofNullable(alarmId)),
        location(e.place()), clip(plate + " " + RuleTexts.label(v.rule()) + "结束 @" + placeName), a));
  }

  private Map<String, String> common(VehicleBinding vehicle, String terminal, String rule, String key, Place place,
      String placeName) {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("plate", vehicle.plate());
    a.put("terminal_number", terminal);
    a.put("trip_id", vehicle.tripId());
    a.put("permit_id", vehicle.permitId());
    a.put("unbound", Boolean.toString(vehicle.unbound()));
    a.put("rule", rule);
    a.put("violation_key", key);
    a.put("place", placeName);
    place.road().ifPresent(r -> a.put("road_id", r.value()));
    place.zone().ifPresent(z -> a.put("zone_id", z.value()));
    a.put("lon", Double.toString(place.lon()));
    a.put("lat", Double.toString(place.lat()));
    return a;
  }

  // ---- the parking lot ----

  private void lot(ParkingLot lot, LotEvent event) {
    String lotId = lot.id().value();
    Point centre = lot.area().getCentroid();
    Optional<Location> where = Optional.of(new Location(centre.getX(), centre.getY()));
    Map<String, String> a = new LinkedHashMap<>();
    a.put("lot_id", lotId);
    a.put("lot_name", lot.name());
    a.put("capacity", Integer.toString(lot.capacity()));
    if (event instanceof LotEvent.VehicleEntered entered) {
      String plate = entered.vehicle().value();
      a.put("plate", plate);
      a.put("occupancy", Integer.toString(entered.occupancy()));
      append(new NewEvent(entered.at(), LOT_ENTERED, lotSubjects(plate, lotId), where,
          clip(plate + " 驶入" + lot.name() + "（" + entered.occupancy() + "/" + lot.capacity() + "）"), a));
    } else if (event instanceof LotEvent.VehicleExited exited) {
      String plate = exited.vehicle().value();
      a.put("plate", plate);
      a.put("occupancy", Integer.toString(exited.occupancy()));
      a.put("stayed_s", Long.toString(exited.stayed().toSeconds()));
      append(new NewEvent(exited.at(), LOT_EXITED, lotSubjects(plate, lotId), where,
          clip(plate + " 驶离" + lot.name() + "（停留 " + exited.stayed().toMinutes() + " 分钟）"), a));
    } else if (event instanceof LotEvent.VehicleReleased released) {
      String plate = released.vehicle().value();
      a.put("plate", plate);
      a.put("enterprise_id", released.loadingPoint().enterprise().value());
      a.put("loading_point", released.loadingPoint().id());
      a.put("waited_s", Long.toString(released.waited().toSeconds()));
      append(new NewEvent(released.at(), LOT_RELEASED, lotSubjects(plate, lotId), where,
          clip(plate + " 放行前往装卸点 " + released.loadingPoint()), a));
    } else if (event instanceof LotEvent.LoadingPointLeft left) {
      String plate = left.vehicle().value();
      a.put("plate", plate);
      a.put("enterprise_id", left.loadingPoint().enterprise().value());
      a.put("loading_point", left.loadingPoint().id());
      append(new NewEvent(left.at(), LOT_LOADING_POINT_LEFT, lotSubjects(plate, lotId), where,
          clip(plate + " 驶离装卸点 " + left.loadingPoint() + "，空出的车位放行下一辆"), a));
    } else if (event instanceof LotEvent.LeftOutOfTurn left) {
      String plate = left.vehicle().value();
      a.put("plate", plate);
      left.loadingPoint().ifPresent(p -> {
        a.put("enterprise_id", p.enterprise().value());
        a.put("loading_point", p.id());
      });
      append(new NewEvent(left.at(), LOT_LEFT_OUT_OF_TURN, lotSubjects(plate, lotId), where,
          clip(plate + " 未经放行驶离" + lot.name()), a));
    } else if (event instanceof LotEvent.OverflowStarted overflow) {
      String detail = lot.name() + "超出容量：" + overflow.occupancy() + "/" + overflow.capacity();
      Optional<String> alarmId = raise(new ReceivedAlarmReport("lot-overflow/" + lotId + "/"
          + overflow.at().toEpochMilli(), REPORTER, io.cordon.domain.alarm.AlarmType.PARKING_ANOMALY,
          Optional.empty(), new SourceRef("device", lotId), centre.getX(), centre.getY(), List.of(), detail,
          overflow.at()));
      alarmId.ifPresent(id -> openAlarms.put("lot|" + lotId, id));
      a.put("occupancy", Integer.toString(overflow.occupancy()));
      a.put("alarm_id", alarmId.orElse(""));
      append(new NewEvent(overflow.at(), LOT_OVERFLOW_STARTED, List.of(new SubjectKey("parking_lot", lotId)), where,
          clip(detail), a));
    } else if (event instanceof LotEvent.OverflowEnded overflow) {
      String alarmId = openAlarms.remove("lot|" + lotId);
      endAlarm(alarmId, overflow.at(), lot.name() + "恢复容量内：" + overflow.occupancy() + "/" + overflow.capacity());
      a.put("occupancy", Integer.toString(overflow.occupancy()));
      a.put("alarm_id", alarmId == null ? "" : alarmId);
      append(new NewEvent(overflow.at(), LOT_OVERFLOW_ENDED, List.of(new SubjectKey("parking_lot", lotId)), where,
          clip(lot.name() + "恢复容量内"), a));
    } else if (event instanceof LotEvent.OverstayStarted overstay) {
      String plate = overstay.vehicle().value();
      String detail = plate + " 在" + lot.name() + "停留超过 " + overstay.limit().toHours() + " 小时";
      Optional<String> alarmId = raise(new ReceivedAlarmReport("lot-overstay/" + plate + "/"
          + overstay.enteredAt().toEpochMilli(), REPORTER, io.cordon.domain.alarm.AlarmType.PARKING_ANOMALY,
          Optional.empty(), new SourceRef("vehicle", plate), centre.getX(), centre.getY(), List.of(), detail,
          overstay.at()));
      alarmId.ifPresent(id -> openAlarms.put(plate + "|" + LOT_OVERSTAY, id));
      a.put("plate", plate);
      a.put("rule", LOT_OVERSTAY);
      a.put("violation_key", LOT_OVERSTAY);
      a.put("place", lot.name());
      a.put("threshold", Long.toString(overstay.limit().toSeconds()));
      a.put("unit", "s");
      a.put("started_at", overstay.enteredAt().toString());
      a.put("detected_at", overstay.at().toString());
      a.put("alarm_type", "PARKING_ANOMALY");
      a.put("alarm_id", alarmId.orElse(""));
      append(new NewEvent(overstay.at(), VIOLATION_STARTED, subjects(plate, "", alarmId), where, clip(detail), a));
    } else if (event instanceof LotEvent.OverstayEnded overstay) {
      String plate = overstay.vehicle().value();
      String alarmId = openAlarms.remove(plate + "|" + LOT_OVERSTAY);
      endAlarm(alarmId, overstay.at(), plate + " 驶离" + lot.name());
      a.put("plate", plate);
      a.put("rule", LOT_OVERSTAY);
      a.put("violation_key", LOT_OVERSTAY);
      a.put("place", lot.name());
      a.put("ended_at", overstay.at().toString());
      a.put("alarm_id", alarmId == null ? "" : alarmId);
      append(new NewEvent(overstay.at(), VIOLATION_ENDED, subjects(plate, "", Optional.ofNullable(alarmId)), where,
          clip(plate + " 超时停留结束"), a));
    }
  }

  private void endAlarm(String alarmId, Instant at, String note) {
    if (alarmId == null) {
      return;
    }
    try {
      alarms.conditionEnded(alarmId, at, note);
    } catch (RuntimeException failure) {
      log.warn("The condition end of alarm {} was not noted", alarmId, failure);
    }
  }

  // ---- helpers ----

  private Optional<String> raise(ReceivedAlarmReport report) {
    try {
      return alarms.raise(report);
    } catch (RuntimeException e) {
      log.warn("Alarm {} of {} was not raised", report.type(), report.source(), e);
      return Optional.empty();
    }
  }

  private void append(NewEvent event) {
    try {
      journal.append(event);
    } catch (RuntimeException e) {
      log.warn("Track event {} was not journalled", event.type(), e);
    }
  }

  private static List<SubjectKey> subjects(String plate, String terminal, Optional<String> alarmId) {
    List<SubjectKey> subjects = new ArrayList<>(3);
    subjects.add(new SubjectKey("vehicle", plate));
    if (!terminal.isEmpty()) {
      subjects.add(new SubjectKey("terminal", terminal));
    }
    alarmId.ifPresent(id -> subjects.add(new SubjectKey("alarm", id)));
    return subjects;
  }

  private static List<SubjectKey> lotSubjects(String plate, String lotId) {
    return List.of(new SubjectKey("vehicle", plate), new SubjectKey("parking_lot", lotId));
  }

  private static Optional<Location> location(Place place) {
    return place.lon() == 0 && place.lat() == 0 ? Optional.empty() : Optional.of(new Location(place.lon(), place.lat()));
  }

  private static String clip(String summary) {
    return summary.length() > 480 ? summary.substring(0, 480) : summary;
  }

}
