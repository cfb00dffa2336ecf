package io.cordon.simulator.alarm;

import io.cordon.api.v1.AlarmReport;
import io.cordon.api.v1.AlarmType;
import io.cordon.api.v1.Evidence;
import io.cordon.api.v1.Gate;
import io.cordon.api.v1.GateType;
import io.cordon.api.v1.Park;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * The gate agents: a vehicle or person forcing the barrier, someone tailgating through, a hazmat
 * vehicle turned away (no permit or appointment; at an ordinary gate it may never enter). Emergency
 * gates are normally closed and see no traffic, so only forced passage happens there.
 */
final class GateEvents implements AlarmSource {

  static final String SOURCE_KIND = "gate";

  private final List<Gate> gates;
  private final List<Gate> trafficGates;
  private final Random random;
  private final RequestIds ids;
  private final OffenderPlates plates;
  private final Weighted<AlarmType> types = new Weighted<AlarmType>()
      .add(AlarmType.ALARM_TYPE_FORCED_PASSAGE, 30)
      .add(AlarmType.ALARM_TYPE_TAILGATING, 50)
      .add(AlarmType.ALARM_TYPE_HAZMAT_DENIED, 20);

  GateEvents(Park park, Random random, RequestIds ids, OffenderPlates plates) {
    this.gates = List.copyOf(park.getGatesList());
    List<Gate> open = gates.stream().filter(g -> g.getType() != GateType.GATE_TYPE_EMERGENCY).toList();
    this.trafficGates = open.isEmpty() ? gates : open;
    this.random = random;
    this.ids = ids;
    this.plates = plates;
  }

  @Override
  public List<PlannedReport> next(Instant now) {
    if (gates.isEmpty()) {
      return List.of();
    }
    AlarmType type = types.pick(random);
    List<Gate> candidates = type == AlarmType.ALARM_TYPE_FORCED_PASSAGE ? gates : trafficGates;
    Gate gate = candidates.get(random.nextInt(candidates.size()));
    AlarmReport.Builder report = AlarmReport.newBuilder()
        .setRequestId(ids.next())
        .setType(type)
        .setSourceKind(SOURCE_KIND)
        .setSourceId(gate.getId())
        .setTime(Protos.timestamp(now))
        .addEvidence(Protos.snapshot(gate.getId(), now));
    if (type == AlarmType.ALARM_TYPE_HAZMAT_DENIED) {
      String plate = plates.hazmat();
      report.addEvidence(Evidence.newBuilder().setKind("plate-image")
          .setReference("media://plates/" + gate.getId() + "/" + now.toEpochMilli() + ".jpg")
          .setTime(Protos.timestamp(now)));
      report.setDetail(plate + ": " + (gate.getType() == GateType.GATE_TYPE_ORDINARY
          ? "hazardous-goods vehicle at an ordinary gate" : random.nextBoolean()
          ? "no valid transport permit" : "no appointment for today"));
    } else if (type == AlarmType.ALARM_TYPE_FORCED_PASSAGE) {
      report.setDetail(random.nextBoolean() ? "vehicle passed the closed barrier" : "pedestrian climbed the turnstile");
    } else {
      report.setDetail((2 + random.nextInt(2)) + " persons passed on one card");
    }
    return List.of(new PlannedReport.ToAlarmIngest(Duration.ZERO, report.build()));
  }
}
