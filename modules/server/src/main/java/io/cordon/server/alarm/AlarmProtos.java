package io.cordon.server.alarm;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import io.cordon.api.v1.AlarmLocation;
import io.cordon.api.v1.AlarmTransition;
import io.cordon.api.v1.AlarmVerdict;
import io.cordon.api.v1.LonLat;
import io.cordon.api.v1.SopOutcome;
import io.cordon.api.v1.SopProgress;
import io.cordon.api.v1.ZoneClass;
import io.cordon.devices.alarm.AlarmEnums;
import io.cordon.domain.alarm.Alarm;
import io.cordon.domain.alarm.AlarmId;
import io.cordon.domain.alarm.AlarmState;
import io.cordon.domain.alarm.DispatchTask;
import io.cordon.domain.alarm.Evidence;
import io.cordon.domain.alarm.Snooze;
import io.cordon.domain.alarm.Sop;
import io.cordon.domain.alarm.SourceRef;
import io.cordon.domain.alarm.Transition;
import io.cordon.domain.alarm.Verdict;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.SegmentId;
import io.cordon.domain.park.ZoneId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Alarms between the domain and the contract. The stored form is the contract's {@code Alarm}
 * without the procedure's step texts (they come from the {@link SopCatalog} on reload), as binary
 * protobuf (base64), tolerant of added fields.
 */
final class AlarmProtos {

  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  private AlarmProtos() {
  }

  /** What clients see: everything, with the procedure's steps. */
  static io.cordon.api.v1.Alarm toProto(Alarm alarm, long seq) {
    return build(alarm, seq, true);
  }

  /**
   * The stored form: base64 of the binary message (the center writes one per change, so it must be
   * cheap; protobuf JSON cost a fifth of the center's time in a storm).
   */
  static String stored(Alarm alarm, long seq) {
    return java.util.Base64.getEncoder().encodeToString(build(alarm, seq, false).toByteArray());
  }

  /** Restores an alarm from its stored form; the procedure comes from the catalog. */
  static Alarm restore(String json, SopCatalog sops) {
    io.cordon.api.v1.Alarm.Builder builder = io.cordon.api.v1.Alarm.newBuilder();
    try {
      if (json.startsWith("{")) {
        PARSER.merge(json, builder); // rows written by the first version of the table
      } else {
        builder.mergeFrom(java.util.Base64.getDecoder().decode(json));
      }
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new IllegalStateException("corrupt stored alarm", e);
    }
    io.cordon.api.v1.Alarm a = builder.build();
    Sop sop = sops.byId(a.getSop().getSopId())
        .orElseGet(() -> sops.forType(AlarmEnums.toDomain(a.getType()).orElseThrow()));
    io.cordon.domain.alarm.SopProgress progress = new io.cordon.domain.alarm.SopProgress(sop,
        a.getSop().getOutcomesList().stream().map(o -> new io.cordon.domain.alarm.SopOutcome(o.getStepId(),
            o.getAnswerId(), o.getSkipped(), o.getReason(), o.getBy(), instant(o.getAt()))).toList());
    AlarmLocation l = a.getLocation();
    return Alarm.restore(new Alarm.Snapshot(
        new AlarmId(a.getAlarmId()),
        AlarmEnums.toDomain(a.getType()).orElseThrow(),
        AlarmEnums.toDomain(a.getSeverity()).orElseThrow(),
        new SourceRef(a.getSourceKind(), a.getSourceId()),
        new io.cordon.domain.alarm.AlarmLocation(l.getPoint().getLon(), l.getPoint().getLat(),
            optional(l.getSegmentId()).map(SegmentId::new), optional(l.getZoneId()).map(ZoneId::new),
            zoneClass(l.getZoneClass()), optional(l.getGateId()).map(GateId::new),
            optional(l.getCameraId()).map(CameraId::new)),
        a.getLinkedCameraIdsList().stream().map(CameraId::new).toList(),
        a.getEvidenceList().stream().map(e -> new Evidence(e.getKind(), e.getReference(),
            e.hasTime() ? Optional.of(instant(e.getTime())) : Optional.empty())).toList(),
        a.getDetail(),
        a.getCount(),
        instant(a.getFirstAt()),
        instant(a.getLastAt()),
        instant(a.getRaisedAt()),
        new AlarmId(a.getIncidentId()),
        state(a.getState()),
        a.getVersion(),
        optional(a.getAssignee()),
        a.hasAckDue() ? Optional.of(instant(a.getAckDue())) : Optional.empty(),
        a.getEscalated(),
        a.hasTask() ? Optional.of(new DispatchTask(a.getTask().getTeam(), a.getTask().getText(),
            a.getTask().getVoiceMessage())) : Optional.empty(),
        verdict(a.getVerdict()),
        a.getCause(),
        a.getHistoryList().stream().map(t -> new Transition(t.getAction(), state(t.getFrom()), state(t.getTo()),
            t.getBy(), instant(t.getAt()), t.getNote())).toList(),
        progress,
        a.getForwardToList(),
        a.hasForwardDue() ? Optional.of(instant(a.getForwardDue())) : Optional.empty(),
        Duration.ofSeconds(a.getForwardDelaySeconds() == 0 ? 60 : a.getForwardDelaySeconds()),
        a.getAutoAcknowledged()));
  }

  static io.cordon.api.v1.Snooze toProto(Snooze snooze) {
    return io.cordon.api.v1.Snooze.newBuilder()
        .setSourceKind(snooze.source().kind())
        .setSourceId(snooze.source().id())
        .setUntil(timestamp(snooze.until()))
        .setReason(snooze.reason())
        .setBy(snooze.by())
        .build();
  }

  private static io.cordon.api.v1.Alarm build(Alarm alarm, long seq, boolean withSteps) {
    io.cordon.domain.alarm.AlarmLocation l = alarm.location();
    AlarmLocation.Builder location = AlarmLocation.newBuilder()
        .setPoint(LonLat.newBuilder().setLon(l.lon()).setLat(l.lat()))
        .setZoneClass(zoneClass(l.zoneClass()));
    l.segment().ifPresent(s -> location.setSegmentId(s.value()));
    l.zone().ifPresent(z -> location.setZoneId(z.value()));
    l.gate().ifPresent(g -> location.setGateId(g.value()));
    l.camera().ifPresent(c -> location.setCameraId(c.value()));
    io.cordon.api.v1.Alarm.Builder b = io.cordon.api.v1.Alarm.newBuilder()
        .setAlarmId(alarm.id().value())
        .setVersion(alarm.version())
        .setSeq(seq)
        .setType(AlarmEnums.toProto(alarm.type()))
        .setSeverity(AlarmEnums.toProto(alarm.severity()))
        .setState(state(alarm.state()))
        .setSourceKind(alarm.source().kind())
        .setSourceId(alarm.source().id())
        .setLocation(location)
        .addAllLinkedCameraIds(alarm.linkedCameras().stream().map(CameraId::value).toList())
        .setCount(alarm.count())
        .setFirstAt(timestamp(alarm.firstAt()))
        .setLastAt(timestamp(alarm.lastAt()))
        .setRaisedAt(timestamp(alarm.raisedAt()))
        .setIncidentId(alarm.incident().value())
        .setAssignee(alarm.assignee().orElse(""))
        .setDetail(alarm.detail())
        .setEscalated(alarm.escalated())
        .setVerdict(verdict(alarm.verdict()))
        .setCause(alarm.cause())
        .addAllForwardTo(alarm.forwardTo())
        .setForwardDelaySeconds((int) alarm.forwardDelay().toSeconds())
        .setAutoAcknowledged(alarm.autoAcknowledged());
    for (Evidence e : alarm.evidence()) {
      io.cordon.api.v1.Evidence.Builder evidence =
          io.cordon.api.v1.Evidence.newBuilder().setKind(e.kind()).setReference(e.reference());
      e.capturedAt().ifPresent(t -> evidence.setTime(timestamp(t)));
      b.addEvidence(evidence);
    }
    alarm.ackDue().ifPresent(t -> b.setAckDue(timestamp(t)));
    ConditionEnd.endedAt(alarm).ifPresent(t -> b.setConditionEndedAt(timestamp(t)));
    alarm.forwardDue().ifPresent(t -> b.setForwardDue(timestamp(t)));
    alarm.task().ifPresent(t -> b.setTask(io.cordon.api.v1.DispatchTask.newBuilder()
        .setTeam(t.team()).setText(t.text()).setVoiceMessage(t.voiceMessage())));
    for (Transition t : alarm.history()) {
      b.addHistory(AlarmTransition.newBuilder().setAction(t.action()).setFrom(state(t.from())).setTo(state(t.to()))
          .setBy(t.by()).setAt(timestamp(t.at())).setNote(t.note()));
    }
    b.setSop(sop(alarm.sop(), withSteps));
    return b.build();
  }

  private static SopProgress sop(io.cordon.domain.alarm.SopProgress progress, boolean withSteps) {
    SopProgress.Builder b = SopProgress.newBuilder()
        .setSopId(progress.sop().id())
        .setMandatoryDone(progress.mandatoryDone());
    progress.currentStep().ifPresent(s -> b.addNextStepIds(s.id()));
    for (io.cordon.domain.alarm.SopOutcome o : progress.outcomes()) {
      b.addOutcomes(SopOutcome.newBuilder().setStepId(o.stepId()).setAnswerId(o.answerId()).setSkipped(o.skipped())
          .setReason(o.reason()).setBy(o.by()).setAt(timestamp(o.at())));
    }
    if (withSteps) {
      for (Sop.SopStep step : progress.sop().steps()) {
        io.cordon.api.v1.SopStep.Builder s = io.cordon.api.v1.SopStep.newBuilder()
            .setStepId(step.id()).setTextZh(step.textZh()).setTextEn(step.textEn()).setMandatory(step.mandatory())
            .setNextStepId(step.next().orElse(""));
        for (Sop.SopOption option : step.options()) {
          s.addOptions(io.cordon.api.v1.SopOption.newBuilder().setAnswerId(option.answerId())
              .setTextZh(option.textZh()).setTextEn(option.textEn()).setNextStepId(option.next().orElse("")));
        }
        b.addSteps(s);
      }
    }
    return b.build();
  }

  static io.cordon.api.v1.AlarmState state(AlarmState state) {
    return io.cordon.api.v1.AlarmState.valueOf("ALARM_STATE_" + state.name());
  }

  static AlarmState state(io.cordon.api.v1.AlarmState state) {
    return AlarmState.valueOf(state.name().substring("ALARM_STATE_".length()));
  }

  private static AlarmVerdict verdict(Optional<Verdict> verdict) {
    if (verdict.isEmpty()) {
      return AlarmVerdict.ALARM_VERDICT_UNSPECIFIED;
    }
    switch (verdict.get()) {
      case TRUE_ALARM:
        return AlarmVerdict.ALARM_VERDICT_TRUE;
      case FALSE_ALARM:
        return AlarmVerdict.ALARM_VERDICT_FALSE;
      default:
        return AlarmVerdict.ALARM_VERDICT_NUISANCE;
    }
  }

  static Optional<Verdict> verdict(AlarmVerdict verdict) {
    switch (verdict) {
      case ALARM_VERDICT_TRUE:
        return Optional.of(Verdict.TRUE_ALARM);
      case ALARM_VERDICT_FALSE:
        return Optional.of(Verdict.FALSE_ALARM);
      case ALARM_VERDICT_NUISANCE:
        return Optional.of(Verdict.NUISANCE);
      default:
        return Optional.empty();
    }
  }

  private static ZoneClass zoneClass(io.cordon.domain.park.ZoneClass zoneClass) {
    return ZoneClass.valueOf("ZONE_CLASS_" + zoneClass.name());
  }

  private static io.cordon.domain.park.ZoneClass zoneClass(ZoneClass zoneClass) {
    return zoneClass == ZoneClass.ZONE_CLASS_UNSPECIFIED || zoneClass == ZoneClass.UNRECOGNIZED
        ? io.cordon.domain.park.ZoneClass.GENERAL
        : io.cordon.domain.park.ZoneClass.valueOf(zoneClass.name().substring("ZONE_CLASS_".length()));
  }

  private static Optional<String> optional(String text) {
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  static Timestamp timestamp(Instant instant) {
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  static Instant instant(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }
}
