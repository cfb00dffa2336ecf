package io.cordon.simulator.alarm;

import io.cordon.api.v1.Park;
import io.cordon.api.v1.PerimeterSegment;
import io.cordon.api.v1.Sensor;
import io.cordon.api.v1.SensorReport;
import io.cordon.api.v1.SensorReportKind;
import io.cordon.api.v1.SensorType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Perimeter sensors as they behave in the field, where nearly all intrusion alarms are nuisance
 * (wind, animals, vegetation): an episode is mostly one sensor triggering 2–6 times within a
 * minute, sometimes two neighbouring sensors on adjacent perimeter segments triggering together,
 * now and then a tamper or fault report. A few "noisy" sensors (by a tree line, a road) account
 * for half the bursts, so the same source comes back — the case for counting and snoozing.
 */
final class PerimeterIntrusions implements AlarmSource {

  /** All reports of one burst fall within this window. */
  static final Duration BURST_WINDOW = Duration.ofMinutes(1);
  static final int MIN_BURST = 2;
  static final int MAX_BURST = 6;
  /** The second sensor of a pair starts within this delay of the first. */
  static final Duration PAIR_LAG = Duration.ofSeconds(10);
  /** Two sensors on either side of a segment boundary closer than this can trigger together. */
  static final double PAIR_RANGE_METRES = 250;
  static final double TAMPER_SHARE = 0.04;
  static final double FAULT_SHARE = 0.04;
  static final double PAIR_SHARE = 0.2;
  static final double NOISY_SENSOR_SHARE = 0.08;
  static final double NOISY_BURST_SHARE = 0.5;

  private final List<Sensor> sensors;
  private final List<Sensor> noisy;
  /** The nearest sensor on an adjacent perimeter segment within range, by sensor id (absent when there is none). */
  private final Map<String, Sensor> neighbour = new HashMap<>();
  /** The sensors near a segment boundary, which have such a neighbour. */
  private final List<Sensor> pairable = new ArrayList<>();
  private final Random random;
  private final RequestIds ids;

  PerimeterIntrusions(Park park, Random random, RequestIds ids) {
    this.sensors = List.copyOf(park.getSensorsList());
    this.random = random;
    this.ids = ids;
    List<Sensor> shuffled = new ArrayList<>(sensors);
    java.util.Collections.shuffle(shuffled, random);
    this.noisy = List.copyOf(shuffled.subList(0, sensors.isEmpty() ? 0
        : Math.max(1, (int) Math.round(sensors.size() * NOISY_SENSOR_SHARE))));
    findNeighbours(park.getPerimeterList());
  }

  @Override
  public List<PlannedReport> next(Instant now) {
    if (sensors.isEmpty()) {
      return List.of();
    }
    double draw = random.nextDouble();
    if (draw < TAMPER_SHARE) {
      Sensor sensor = any();
      return List.of(report(now, Duration.ZERO, sensor, SensorReportKind.SENSOR_REPORT_KIND_TAMPER,
          random.nextBoolean() ? "enclosure opened" : "signal cable cut"));
    }
    if (draw < TAMPER_SHARE + FAULT_SHARE) {
      Sensor sensor = any();
      return List.of(report(now, Duration.ZERO, sensor, SensorReportKind.SENSOR_REPORT_KIND_FAULT,
          random.nextBoolean() ? "self-test failed" : "supply voltage low"));
    }
    List<PlannedReport> reports = new ArrayList<>();
    if (!pairable.isEmpty() && draw < TAMPER_SHARE + FAULT_SHARE + PAIR_SHARE) {
      // something moving along the fence across a segment boundary: both sensors trigger, 1–3 times each
      Sensor first = pairable.get(random.nextInt(pairable.size()));
      burst(reports, now, first, Duration.ZERO, 1 + random.nextInt(3));
      burst(reports, now, neighbour.get(first.getId()), Duration.ofMillis(random.nextInt((int) PAIR_LAG.toMillis())),
          1 + random.nextInt(3));
    } else {
      burst(reports, now, burstSensor(), Duration.ZERO, MIN_BURST + random.nextInt(MAX_BURST - MIN_BURST + 1));
    }
    return reports;
  }

  /** {@code count} intrusion reports of one sensor: the first at {@code start}, the rest later in the window. */
  private void burst(List<PlannedReport> reports, Instant now, Sensor sensor, Duration start, int count) {
    String detail = intrusionDetail(sensor.getType());
    long room = BURST_WINDOW.minus(start).toMillis();
    List<Duration> delays = new ArrayList<>();
    delays.add(start);
    for (int i = 1; i < count; i++) {
      delays.add(start.plusMillis(1 + (long) (random.nextDouble() * (room - 1))));
    }
    delays.sort(null);
    for (Duration delay : delays) {
      reports.add(report(now, delay, sensor, SensorReportKind.SENSOR_REPORT_KIND_INTRUSION, detail));
    }
  }

  private Sensor burstSensor() {
    return random.nextDouble() < NOISY_BURST_SHARE ? noisy.get(random.nextInt(noisy.size())) : any();
  }

  private Sensor any() {
    return sensors.get(random.nextInt(sensors.size()));
  }

  private PlannedReport report(Instant now, Duration after, Sensor sensor, SensorReportKind kind, String detail) {
    return new PlannedReport.ToSensorIngest(after, SensorReport.newBuilder()
        .setRequestId(ids.next())
        .setSensorId(sensor.getId())
        .setKind(kind)
        .setTime(Protos.timestamp(now.plus(after)))
        .setDetail(detail)
        .build());
  }

  private static String intrusionDetail(SensorType type) {
    switch (type) {
      case SENSOR_TYPE_FENCE_VIBRATION:
        return "fence vibration above threshold";
      case SENSOR_TYPE_BURIED_CABLE:
        return "buried cable: ground pressure disturbance";
      case SENSOR_TYPE_ELECTRONIC_FENCE:
        return "pulse fence: wire contact";
      case SENSOR_TYPE_INFRARED:
        return "infrared beam interrupted";
      default:
        return "intrusion detected";
    }
  }

  /** For each sensor, the nearest one on the segment before or after its own in ring order. */
  private void findNeighbours(List<PerimeterSegment> ring) {
    Map<String, Integer> order = new HashMap<>();
    for (int i = 0; i < ring.size(); i++) {
      order.put(ring.get(i).getId(), i);
    }
    int n = ring.size();
    for (Sensor sensor : sensors) {
      Integer index = order.get(sensor.getSegmentId());
      if (index == null || n < 2) {
        continue;
      }
      Sensor best = null;
      double bestDistance = Double.MAX_VALUE;
      for (Sensor other : sensors) {
        Integer otherIndex = order.get(other.getSegmentId());
        if (otherIndex == null || otherIndex.equals(index)) {
          continue;
        }
        if (otherIndex != (index + 1) % n && otherIndex != (index - 1 + n) % n) {
          continue;
        }
        double distance = ParkPoints.metresBetween(sensor.getPosition(), other.getPosition());
        if (distance < bestDistance) {
          bestDistance = distance;
          best = other;
        }
      }
      if (best != null && bestDistance <= PAIR_RANGE_METRES) {
        neighbour.put(sensor.getId(), best);
        pairable.add(sensor);
      }
    }
  }
}
