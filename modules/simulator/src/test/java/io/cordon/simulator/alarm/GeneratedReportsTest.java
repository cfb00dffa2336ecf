package io.cordon.simulator.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.AlarmReport;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.Camera;
import io.cordon.api.v1.Evidence;
import io.cordon.api.v1.Gate;
import io.cordon.api.v1.PerimeterSegment;
import io.cordon.api.v1.Sensor;
import io.cordon.api.v1.SensorReport;
import io.cordon.api.v1.SensorReportKind;
import io.cordon.devices.track.ServiceArea;
import io.cordon.domain.vehicle.Plate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the sources report for the sample park, checked against the rules in alarm.proto and sensor.proto. */
class GeneratedReportsTest {

  private static final Instant NOW = Instant.parse("2026-03-02T08:15:30.250Z");
  private static final int EPISODES = 600;
  private static final Set<AlarmType> VIDEO = EnumSet.of(AlarmType.ALARM_TYPE_VIDEO_INTRUSION,
      AlarmType.ALARM_TYPE_LINE_CROSSING, AlarmType.ALARM_TYPE_LOITERING, AlarmType.ALARM_TYPE_CROWDING,
      AlarmType.ALARM_TYPE_VEHICLE_LINGERING, AlarmType.ALARM_TYPE_SMOKE_FIRE, AlarmType.ALARM_TYPE_LEFT_OBJECT);
  private static final Set<AlarmType> GATE = EnumSet.of(AlarmType.ALARM_TYPE_FORCED_PASSAGE,
      AlarmType.ALARM_TYPE_TAILGATING, AlarmType.ALARM_TYPE_HAZMAT_DENIED);
  private static final Set<AlarmType> VEHICLE = EnumSet.of(AlarmType.ALARM_TYPE_VEHICLE_SPEEDING,
      AlarmType.ALARM_TYPE_ROUTE_DEVIATION, AlarmType.ALARM_TYPE_FORBIDDEN_ZONE, AlarmType.ALARM_TYPE_PARKING_ANOMALY);
  private static final Set<AlarmType> DEVICE = EnumSet.of(AlarmType.ALARM_TYPE_DEVICE_OFFLINE,
      AlarmType.ALARM_TYPE_DEVICE_TAMPER, AlarmType.ALARM_TYPE_DEVICE_FAULT);

  private final Set<String> cameraIds = SamplePark.PROTO.getCamerasList().stream().map(Camera::getId)
      .collect(Collectors.toSet());
  private final Set<String> gateIds = SamplePark.PROTO.getGatesList().stream().map(Gate::getId)
      .collect(Collectors.toSet());
  private final Map<String, Sensor> sensors = SamplePark.PROTO.getSensorsList().stream()
      .collect(Collectors.toMap(Sensor::getId, Function.identity()));

  @Test
  void videoAlarmsComeFromCamerasOfTheParkWithOneSnapshotOfThatCamera() {
    List<AlarmReport> reports = alarms(AlarmFamily.VIDEO, 1);

    assertThat(reports).allSatisfy(r -> {
      assertThat(r.getType()).isIn(VIDEO);
      assertThat(r.getSourceKind()).isEqualTo("camera");
      assertThat(r.getSourceId()).isIn(cameraIds);
      assertThat(r.getEvidenceList()).hasSize(1);
      assertThat(r.getEvidence(0).getKind()).isEqualTo("snapshot");
      assertThat(r.getEvidence(0).getReference())
          .isEqualTo("media://snapshots/" + r.getSourceId() + "/" + NOW.toEpochMilli() + ".jpg");
    });
    assertThat(reports).extracting(AlarmReport::getType).containsAll(VIDEO);
  }

  @Test
  void smokeAndFireIsTheRarestVideoAlarm() {
    List<AlarmReport> reports = alarms(AlarmFamily.VIDEO, 2);
    Map<AlarmType, Long> counts = reports.stream()
        .collect(Collectors.groupingBy(AlarmReport::getType, Collectors.counting()));

    long smoke = counts.get(AlarmType.ALARM_TYPE_SMOKE_FIRE);
    assertThat(counts).allSatisfy((type, count) -> assertThat(count).isGreaterThanOrEqualTo(smoke));
    assertThat(smoke).isLessThan(EPISODES / 20);
  }

  @Test
  void gateAlarmsComeFromGatesOfThePark() {
    List<AlarmReport> reports = alarms(AlarmFamily.GATE, 3);

    assertThat(reports).allSatisfy(r -> {
      assertThat(r.getType()).isIn(GATE);
      assertThat(r.getSourceKind()).isEqualTo("gate");
      assertThat(r.getSourceId()).isIn(gateIds);
    });
    assertThat(reports).extracting(AlarmReport::getType).containsAll(GATE);
  }

  @Test
  void vehicleAlarmsNameAValidNormalisedPlateAndAPointInsideTheParksServiceArea() {
    ServiceArea park = ServiceArea.around(SamplePark.DOMAIN, 0);
    List<AlarmReport> reports = alarms(AlarmFamily.VEHICLE, 4);

    assertThat(reports).allSatisfy(r -> {
      assertThat(r.getType()).isIn(VEHICLE);
      assertThat(r.getSourceKind()).isEqualTo("vehicle");
      assertThat(Plate.isValid(r.getSourceId())).as(r.getSourceId()).isTrue();
      assertThat(Plate.parse(r.getSourceId()).value()).isEqualTo(r.getSourceId());
      assertThat(r.hasLocation()).isTrue();
      assertThat(park.contains(r.getLocation().getLon(), r.getLocation().getLat())).as(r.getLocation().toString())
          .isTrue();
    });
    assertThat(reports).extracting(AlarmReport::getType).containsAll(VEHICLE);
  }

  @Test
  void deviceHealthAlarmsComeFromCamerasAndGatesOfThePark() {
    List<AlarmReport> reports = alarms(AlarmFamily.DEVICE, 5);

    assertThat(reports).allSatisfy(r -> {
      assertThat(r.getType()).isIn(DEVICE);
      assertThat(r.getSourceKind()).isIn("camera", "gate");
      assertThat(r.getSourceId()).isIn(r.getSourceKind().equals("camera") ? cameraIds : gateIds);
    });
    assertThat(reports).extracting(AlarmReport::getType).containsAll(DEVICE);
    assertThat(reports).extracting(AlarmReport::getSourceKind).contains("camera", "gate");
  }

  @Test
  void everyAlarmReportKeepsTheContractsLimits() {
    List<AlarmReport> reports = new ArrayList<>();
    for (AlarmFamily family : List.of(AlarmFamily.VIDEO, AlarmFamily.GATE, AlarmFamily.VEHICLE, AlarmFamily.DEVICE)) {
      reports.addAll(alarms(family, 6));
    }

    assertThat(reports).allSatisfy(r -> {
      assertThat(r.getType()).isNotIn(AlarmType.ALARM_TYPE_UNSPECIFIED, AlarmType.ALARM_TYPE_PERIMETER_INTRUSION,
          AlarmType.ALARM_TYPE_HEARTBEAT_MISSING, AlarmType.ALARM_TYPE_MANUAL);
      assertThat(r.getRequestId()).hasSizeBetween(1, 64);
      assertThat(r.getSourceId()).hasSizeBetween(1, 64);
      assertThat(r.getTime().getSeconds()).isEqualTo(NOW.getEpochSecond());
      assertThat(r.getDetail().length()).isLessThanOrEqualTo(256);
      assertThat(r.getEvidenceList()).hasSizeLessThanOrEqualTo(8);
      for (Evidence evidence : r.getEvidenceList()) {
        assertThat(evidence.getKind()).isIn("snapshot", "clip", "plate-image");
        assertThat(evidence.getReference()).hasSizeBetween(1, 512).startsWith("media://");
      }
    });
  }

  @Test
  void everyReportHasItsOwnRequestId() {
    AlarmSources sources = sources(7);
    Set<String> ids = new HashSet<>();
    int reports = 0;
    for (int i = 0; i < EPISODES; i++) {
      for (AlarmFamily family : AlarmFamily.values()) {
        for (PlannedReport report : sources.next(family, NOW)) {
          ids.add(report.requestId());
          reports++;
        }
      }
    }

    assertThat(ids).hasSize(reports);
  }

  @Test
  void perimeterReportsNameSensorsOfTheParkAndAreIntrusionsTampersOrFaults() {
    List<SensorReport> reports = sensorReports(8);

    assertThat(reports).allSatisfy(r -> {
      assertThat(sensors).containsKey(r.getSensorId());
      assertThat(r.getKind()).isIn(SensorReportKind.SENSOR_REPORT_KIND_INTRUSION,
          SensorReportKind.SENSOR_REPORT_KIND_TAMPER, SensorReportKind.SENSOR_REPORT_KIND_FAULT);
      assertThat(r.getRequestId()).hasSizeBetween(1, 64);
      assertThat(r.getDetail().length()).isLessThanOrEqualTo(256);
    });
    assertThat(reports).extracting(SensorReport::getKind).contains(SensorReportKind.SENSOR_REPORT_KIND_TAMPER,
        SensorReportKind.SENSOR_REPORT_KIND_FAULT);
  }

  @Test
  void mostIntrusionEpisodesAreOneSensorTriggeringTwoToSixTimesWithinAMinute() {
    AlarmSources sources = sources(9);
    int singleSensorBursts = 0;
    for (int i = 0; i < EPISODES; i++) {
      List<PlannedReport> episode = sources.next(AlarmFamily.INTRUSION, NOW);
      Set<String> sensorIds = episode.stream().map(r -> sensorReport(r).getSensorId()).collect(Collectors.toSet());
      boolean intrusions = episode.stream()
          .allMatch(r -> sensorReport(r).getKind() == SensorReportKind.SENSOR_REPORT_KIND_INTRUSION);
      if (intrusions && sensorIds.size() == 1) {
        singleSensorBursts++;
        assertThat(episode).hasSizeBetween(2, 6);
        assertThat(episode).allSatisfy(r -> {
          assertThat(r.after()).isLessThan(PerimeterIntrusions.BURST_WINDOW);
          assertThat(sensorReport(r).getTime().getSeconds()).isEqualTo(NOW.plus(r.after()).getEpochSecond());
        });
      }
    }

    assertThat(singleSensorBursts).isGreaterThan(EPISODES / 2);
  }

  @Test
  void sometimesTwoSensorsOfNeighbouringPerimeterSegmentsTriggerTogether() {
    AlarmSources sources = sources(10);
    List<String> ring = SamplePark.PROTO.getPerimeterList().stream().map(PerimeterSegment::getId).toList();
    int pairs = 0;
    for (int i = 0; i < EPISODES; i++) {
      List<PlannedReport> episode = sources.next(AlarmFamily.INTRUSION, NOW);
      List<String> sensorIds = episode.stream().map(r -> sensorReport(r).getSensorId()).distinct().toList();
      if (sensorIds.size() == 2) {
        pairs++;
        int a = ring.indexOf(sensors.get(sensorIds.get(0)).getSegmentId());
        int b = ring.indexOf(sensors.get(sensorIds.get(1)).getSegmentId());
        assertThat(Math.floorMod(a - b, ring.size())).isIn(1, ring.size() - 1);
        assertThat(ParkPoints.metresBetween(sensors.get(sensorIds.get(0)).getPosition(),
            sensors.get(sensorIds.get(1)).getPosition())).isLessThanOrEqualTo(PerimeterIntrusions.PAIR_RANGE_METRES);
        assertThat(episode).allSatisfy(r -> assertThat(r.after()).isLessThan(PerimeterIntrusions.BURST_WINDOW));
      }
    }

    assertThat(pairs).isBetween(EPISODES / 20, EPISODES / 3);
  }

  @Test
  void theSameSeedGivesTheSameReports() {
    assertThat(alarms(AlarmFamily.VEHICLE, 11)).isEqualTo(alarms(AlarmFamily.VEHICLE, 11));
    assertThat(sensorReports(11)).isEqualTo(sensorReports(11));
  }

  private static AlarmSources sources(long seed) {
    return new AlarmSources(SamplePark.PROTO, new Random(seed), new RequestIds("test-"));
  }

  private static List<AlarmReport> alarms(AlarmFamily family, long seed) {
    AlarmSources sources = sources(seed);
    List<AlarmReport> reports = new ArrayList<>();
    for (int i = 0; i < EPISODES; i++) {
      for (PlannedReport report : sources.next(family, NOW)) {
        assertThat(report).isInstanceOf(PlannedReport.ToAlarmIngest.class);
        assertThat(report.after()).isEqualTo(Duration.ZERO);
        reports.add(((PlannedReport.ToAlarmIngest) report).report());
      }
    }
    return reports;
  }

  private static List<SensorReport> sensorReports(long seed) {
    AlarmSources sources = sources(seed);
    List<SensorReport> reports = new ArrayList<>();
    for (int i = 0; i < EPISODES; i++) {
      sources.next(AlarmFamily.INTRUSION, NOW).forEach(r -> reports.add(sensorReport(r)));
    }
    return reports;
  }

  private static SensorReport sensorReport(PlannedReport report) {
    assertThat(report).isInstanceOf(PlannedReport.ToSensorIngest.class);
    return ((PlannedReport.ToSensorIngest) report).report();
  }
}
