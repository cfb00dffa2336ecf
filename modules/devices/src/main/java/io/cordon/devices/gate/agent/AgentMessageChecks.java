package io.cordon.devices.gate.agent;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import com.google.rpc.Code;
import io.cordon.api.v1.AccessRecord;
import io.cordon.api.v1.AgentHello;
import io.cordon.api.v1.AgentLane;
import io.cordon.api.v1.BarrierReport;
import io.cordon.api.v1.BarrierState;
import io.cordon.api.v1.CommandResult;
import io.cordon.api.v1.DeviceFault;
import io.cordon.api.v1.Direction;
import io.cordon.api.v1.Identification;
import io.cordon.api.v1.LoopPassage;
import io.cordon.devices.gate.FieldViolations;
import io.cordon.devices.gate.GateDirectory;
import io.cordon.domain.identity.ResidentIdNumber;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.Lane;
import io.cordon.domain.vehicle.Plate;
import io.grpc.StatusRuntimeException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The syntax rules of the agent's messages. A rule broken by a message is one {@link AgentRefusal}
 * naming the field (the first found), so the agent learns what to fix; a Hello is checked whole and
 * refused with every violation at once.
 */
final class AgentMessageChecks {

  static final int MAX_ID = 64;
  static final int MAX_SOFTWARE_VERSION = 32;
  static final int MAX_DETAIL = 256;
  static final int MAX_SNAPSHOT_REF = 256;
  static final int MAX_PLATE = 16;
  static final int MAX_PERSON_ID = 20;
  static final int MAX_CODE = 32;
  static final int MAX_RULE = 40;
  static final int MAX_LANES = 32;
  static final int MAX_DEVICES = 16;
  static final int MAX_RECORDS = 500;
  static final Set<String> DEVICES = Set.of("plate_camera", "face", "card", "rfid", "loop", "barrier");
  /** Device clocks drift; anything further ahead is a broken clock. */
  static final Duration MAX_CLOCK_AHEAD = Duration.ofMinutes(5);
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  private final Clock clock;

  AgentMessageChecks(Clock clock) {
    this.clock = clock;
  }

  /** A checked Hello: its gate and the devices of each lane. */
  record CheckedHello(Gate gate, java.util.Map<String, Set<String>> lanes) {
  }

  /**
   * @throws StatusRuntimeException INVALID_ARGUMENT for missing or malformed fields, NOT_FOUND for an
   *     unknown gate or lanes that are not the gate's, with a violation per field
   */
  CheckedHello hello(AgentHello hello, GateDirectory gates) {
    FieldViolations v = new FieldViolations()
        .checkText("hello.gate_id", hello.getGateId(), 1, MAX_ID)
        .checkText("hello.agent_id", hello.getAgentId(), 1, MAX_ID)
        .checkOptionalText("hello.software_version", hello.getSoftwareVersion(), MAX_SOFTWARE_VERSION);
    if (hello.getLanesCount() == 0) {
      v.add("hello.lanes", "at least one lane is required");
    } else if (hello.getLanesCount() > MAX_LANES) {
      v.add("hello.lanes", "at most " + MAX_LANES + " lanes");
    }
    if (hello.getCacheVersion() < 0) {
      v.add("hello.cache_version", "must be below 2^63");
    }
    if (hello.getLastCommandSeq() < 0) {
      v.add("hello.last_command_seq", "must be below 2^63");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < Math.min(hello.getLanesCount(), MAX_LANES); i++) {
      AgentLane lane = hello.getLanes(i);
      String field = "hello.lanes[" + i + "]";
      v.checkText(field + ".lane_id", lane.getLaneId(), 1, MAX_ID);
      if (!lane.getLaneId().isEmpty() && !seen.add(lane.getLaneId())) {
        v.add(field + ".lane_id", "lane " + lane.getLaneId() + " is announced twice");
      }
      if (lane.getDevicesCount() > MAX_DEVICES) {
        v.add(field + ".devices", "at most " + MAX_DEVICES + " devices");
      }
      for (int d = 0; d < Math.min(lane.getDevicesCount(), MAX_DEVICES); d++) {
        if (!DEVICES.contains(lane.getDevices(d))) {
          v.add(field + ".devices[" + d + "]", "must be one of " + String.join(", ", DEVICES.stream().sorted().toList()));
        }
      }
    }
    if (!v.isEmpty()) {
      throw v.toException(Code.INVALID_ARGUMENT, "invalid hello");
    }
    Optional<Gate> gate = gates.find(new GateId(hello.getGateId()));
    if (gate.isEmpty()) {
      throw FieldViolations.single(Code.NOT_FOUND, "unknown gate", "hello.gate_id", "is not a gate of the park");
    }
    FieldViolations unknown = new FieldViolations();
    java.util.Map<String, Set<String>> lanes = new java.util.LinkedHashMap<>();
    for (int i = 0; i < hello.getLanesCount(); i++) {
      AgentLane lane = hello.getLanes(i);
      if (gate.get().lanes().stream().noneMatch(l -> l.id().equals(lane.getLaneId()))) {
        unknown.add("hello.lanes[" + i + "].lane_id", "is not a lane of gate " + hello.getGateId());
      }
      lanes.put(lane.getLaneId(), Set.copyOf(lane.getDevicesList()));
    }
    if (!unknown.isEmpty()) {
      throw unknown.toException(Code.NOT_FOUND, "unknown lane");
    }
    return new CheckedHello(gate.get(), lanes);
  }

  /** The identification's frame: request id, lane, direction, time, sizes; not the credential's syntax. */
  Optional<AgentRefusal> identification(AgentSession session, Identification id) {
    Optional<AgentRefusal> problem = text("identification.request_id", id.getRequestId(), 1, MAX_ID);
    if (problem.isEmpty()) {
      problem = lane(session, "identification.lane_id", id.getLaneId());
    }
    if (problem.isEmpty()) {
      problem = direction("identification.direction", id.getDirection());
    }
    if (problem.isEmpty()) {
      problem = time("identification.time", id.hasTime(), id.getTime());
    }
    if (problem.isEmpty()) {
      problem = optionalText("identification.snapshot_ref", id.getSnapshotRef(), MAX_SNAPSHOT_REF);
    }
    if (problem.isEmpty() && id.getCredentialCase() == Identification.CredentialCase.CREDENTIAL_NOT_SET) {
      problem = Optional.of(invalid("identification.credential", "one of plate, face, card or rfid is required"));
    }
    return problem;
  }

  /** The credential's syntax: a plate that is no Chinese plate, an ID number with a wrong check digit… */
  Optional<AgentRefusal> credential(Identification id) {
    switch (id.getCredentialCase()) {
      case PLATE:
        return Optional.ofNullable(plate("identification.plate.plate", id.getPlate().getPlate()))
            .or(() -> unit("identification.plate.confidence", id.getPlate().getConfidence()));
      case RFID:
        return Optional.ofNullable(plate("identification.rfid.plate", id.getRfid().getPlate()))
            .or(() -> optionalText("identification.rfid.tag_id", id.getRfid().getTagId(), MAX_ID));
      case FACE:
        return text("identification.face.person_id", id.getFace().getPersonId(), 1, MAX_PERSON_ID)
            .or(() -> unit("identification.face.score", id.getFace().getScore()));
      case CARD:
        String number = id.getCard().getIdNumber();
        if (number.isEmpty()) {
          return Optional.of(invalid("identification.card.id_number", "is required"));
        }
        return number.length() > 18 || !ResidentIdNumber.isValid(number)
            ? Optional.of(invalid("identification.card.id_number",
                "is not a resident ID number (18 characters with a valid check digit)"))
            : Optional.empty();
      default:
        return Optional.empty();
    }
  }

  Optional<AgentRefusal> barrier(AgentSession session, BarrierReport report) {
    return text("barrier.request_id", report.getRequestId(), 1, MAX_ID)
        .or(() -> lane(session, "barrier.lane_id", report.getLaneId()))
        .or(() -> report.getState() == BarrierState.BARRIER_STATE_UNSPECIFIED
            || report.getState() == BarrierState.UNRECOGNIZED
            ? Optional.of(invalid("barrier.state", "must be CLOSED, OPEN, HELD_OPEN or FAULT")) : Optional.empty())
        .or(() -> time("barrier.time", report.hasTime(), report.getTime()))
        .or(() -> optionalText("barrier.detail", report.getDetail(), MAX_DETAIL));
  }

  Optional<AgentRefusal> passage(AgentSession session, LoopPassage passage) {
    return text("passage.request_id", passage.getRequestId(), 1, MAX_ID)
        .or(() -> lane(session, "passage.lane_id", passage.getLaneId()))
        .or(() -> direction("passage.direction", passage.getDirection()))
        .or(() -> time("passage.time", passage.hasTime(), passage.getTime()));
  }

  Optional<AgentRefusal> fault(AgentSession session, DeviceFault fault) {
    return text("fault.request_id", fault.getRequestId(), 1, MAX_ID)
        .or(() -> fault.getLaneId().isEmpty() ? Optional.empty() : lane(session, "fault.lane_id", fault.getLaneId()))
        .or(() -> text("fault.device", fault.getDevice(), 1, MAX_CODE))
        .or(() -> optionalText("fault.code", fault.getCode(), MAX_CODE))
        .or(() -> optionalText("fault.detail", fault.getDetail(), MAX_DETAIL))
        .or(() -> time("fault.time", fault.hasTime(), fault.getTime()));
  }

  Optional<AgentRefusal> batch(io.cordon.api.v1.AccessRecordBatch batch) {
    Optional<AgentRefusal> problem = text("records.request_id", batch.getRequestId(), 1, MAX_ID);
    if (problem.isEmpty() && (batch.getRecordsCount() == 0 || batch.getRecordsCount() > MAX_RECORDS)) {
      problem = Optional.of(invalid("records.records", "1.." + MAX_RECORDS + " records"));
    }
    return problem;
  }

  /** One uploaded record; {@code i} its index in the batch. */
  Optional<AgentRefusal> record(AgentSession session, AccessRecord record, int i) {
    String at = "records.records[" + i + "]";
    return text(at + ".record_id", record.getRecordId(), 1, MAX_ID)
        .or(() -> lane(session, at + ".lane_id", record.getLaneId()))
        .or(() -> direction(at + ".direction", record.getDirection()))
        .or(() -> time(at + ".time", record.hasTime(), record.getTime()))
        .or(() -> text(at + ".rule", record.getRule(), 1, MAX_RULE))
        .or(() -> optionalText(at + ".permit_id", record.getPermitId(), MAX_PERSON_ID))
        .or(() -> record.hasPassageTime() ? time(at + ".passage_time", true, record.getPassageTime()) : Optional.empty())
        .or(() -> !record.hasIdentification()
            ? Optional.of(invalid(at + ".identification", "is required: who was decided on"))
            : record.getIdentification().getCredentialCase() == Identification.CredentialCase.CREDENTIAL_NOT_SET
                ? Optional.of(invalid(at + ".identification.credential", "one of plate, face, card or rfid is required"))
                : credential(record.getIdentification()).map(p -> new AgentRefusal(p.code(),
                    at + "." + p.field(), p.getMessage())))
        .or(() -> optionalText(at + ".identification.snapshot_ref", record.getIdentification().getSnapshotRef(),
            MAX_SNAPSHOT_REF));
  }

  Optional<AgentRefusal> commandResult(CommandResult result) {
    if (result.getCommandSeq() <= 0) {
      return Optional.of(invalid("command_result.command_seq", "must be a command's seq (1 or more)"));
    }
    return optionalText("command_result.detail", result.getDetail(), MAX_DETAIL)
        .or(() -> result.hasTime() ? time("command_result.time", true, result.getTime()) : Optional.empty());
  }

  // ---- rules ------------------------------------------------------------------------------------

  private static AgentRefusal plate(String field, String text) {
    if (text.isEmpty()) {
      return invalid(field, "is required");
    }
    if (text.length() > MAX_PLATE) {
      return invalid(field, "must be at most " + MAX_PLATE + " characters");
    }
    try {
      Plate.parse(text);
      return null;
    } catch (IllegalArgumentException e) {
      return invalid(field, e.getMessage());
    }
  }

  private static Optional<AgentRefusal> unit(String field, float value) {
    return value >= 0 && value <= 1 ? Optional.empty() : Optional.of(invalid(field, "must be 0..1"));
  }

  private static Optional<AgentRefusal> lane(AgentSession session, String field, String laneId) {
    if (laneId.isEmpty()) {
      return Optional.of(invalid(field, "is required"));
    }
    if (laneId.length() > MAX_ID) {
      return Optional.of(invalid(field, "must be at most " + MAX_ID + " characters"));
    }
    if (session.lane(laneId).isEmpty()) {
      return Optional.of(new AgentRefusal(Code.NOT_FOUND, field, "lane " + laneId + " is not a lane this agent announced for gate "
          + session.gate().id()));
    }
    return Optional.empty();
  }

  private static Optional<AgentRefusal> direction(String field, Direction direction) {
    return direction == Direction.DIRECTION_ENTRY || direction == Direction.DIRECTION_EXIT ? Optional.empty()
        : Optional.of(invalid(field, "must be ENTRY or EXIT"));
  }

  private Optional<AgentRefusal> time(String field, boolean present, Timestamp time) {
    if (!present) {
      return Optional.of(invalid(field, "is required"));
    }
    if (!Timestamps.isValid(time)) {
      return Optional.of(invalid(field, "is not a valid timestamp"));
    }
    Instant at = Instant.ofEpochSecond(time.getSeconds(), time.getNanos());
    if (at.isBefore(EARLIEST)) {
      return Optional.of(invalid(field, "must not be before " + EARLIEST));
    }
    if (at.isAfter(clock.instant().plus(MAX_CLOCK_AHEAD))) {
      return Optional.of(invalid(field, "must not be more than " + MAX_CLOCK_AHEAD.toMinutes() + " minutes in the future"));
    }
    return Optional.empty();
  }

  private static Optional<AgentRefusal> text(String field, String value, int min, int max) {
    if (value.isEmpty()) {
      return Optional.of(invalid(field, "is required"));
    }
    if (value.length() < min || value.length() > max) {
      return Optional.of(invalid(field, "must be " + min + ".." + max + " characters"));
    }
    return controls(field, value);
  }

  private static Optional<AgentRefusal> optionalText(String field, String value, int max) {
    if (value.length() > max) {
      return Optional.of(invalid(field, "must be at most " + max + " characters"));
    }
    return controls(field, value);
  }

  private static Optional<AgentRefusal> controls(String field, String value) {
    return value.chars().anyMatch(Character::isISOControl)
        ? Optional.of(invalid(field, "must not contain control characters")) : Optional.empty();
  }

  private static AgentRefusal invalid(String field, String description) {
    return new AgentRefusal(Code.INVALID_ARGUMENT, field, description);
  }

  /** The lanes of a gate, for messages that name one. */
  static List<String> laneIds(Gate gate) {
    return gate.lanes().stream().map(Lane::id).toList();
  }
}
