package io.cordon.server.alarm;

import com.google.rpc.Code;
import io.cordon.api.v1.AlarmActionRequest;
import io.cordon.api.v1.AlarmServiceGrpc;
import io.cordon.api.v1.GetAlarmRequest;
import io.cordon.api.v1.ManualAlarmRequest;
import io.cordon.api.v1.Role;
import io.cordon.api.v1.SnoozeRequest;
import io.cordon.api.v1.SnoozeResponse;
import io.cordon.api.v1.UnsnoozeRequest;
import io.cordon.api.v1.WatchAlarmsRequest;
import io.cordon.devices.alarm.AlarmEnums;
import io.cordon.devices.alarm.AlarmSources;
import io.cordon.devices.gate.FieldViolations;
import io.cordon.domain.alarm.Actor;
import io.cordon.domain.alarm.Alarm;
import io.cordon.domain.alarm.AlarmLocation;
import io.cordon.domain.alarm.AlarmType;
import io.cordon.domain.alarm.DispatchTask;
import io.cordon.domain.alarm.Outcome;
import io.cordon.domain.alarm.Refusal;
import io.cordon.domain.alarm.Severity;
import io.cordon.domain.alarm.Snooze;
import io.cordon.domain.alarm.SourceRef;
import io.cordon.domain.alarm.SourceReport;
import io.cordon.domain.alarm.Verdict;
import io.cordon.server.auth.AuthContext;
import io.cordon.server.auth.AuthenticatedUser;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-facing {@code AlarmService}: the live alarm queue ({@link AlarmWatch}), one alarm, and the
 * operators' actions, which the {@link AlarmCenter} decides with the domain and answers after commit.
 */
public final class AlarmGrpcService extends AlarmServiceGrpc.AlarmServiceImplBase {

  static final int MAX_REQUEST_ID = 64;
  static final int MAX_ALARM_ID = 32;
  static final int MAX_NOTE = 500;
  static final int MIN_REASON = 2;
  static final int MAX_REASON = 200;
  private static final Logger log = LoggerFactory.getLogger(AlarmGrpcService.class);

  private final AlarmCenter center;
  private final AlarmSources sources;
  private final Clock clock;
  private final ExecutorService watchExecutor;
  private final java.util.Set<AlarmWatch> watches = java.util.concurrent.ConcurrentHashMap.newKeySet();

  public AlarmGrpcService(AlarmCenter center, AlarmSources sources, Clock clock, ExecutorService watchExecutor) {
    this.center = Objects.requireNonNull(center, "center");
    this.sources = Objects.requireNonNull(sources, "sources");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.watchExecutor = Objects.requireNonNull(watchExecutor, "watchExecutor");
  }

  @Override
  public void watch(WatchAlarmsRequest request, StreamObserver<io.cordon.api.v1.AlarmBatch> responseObserver) {
    AlarmWatch[] self = new AlarmWatch[1];
    self[0] = AlarmWatch.start(center.changes(), request.getAfterSeq(), responseObserver, watchExecutor,
        () -> watches.remove(self[0]));
    watches.add(self[0]);
  }

  /** Ends every open watch with UNAVAILABLE (server shutdown); clients resume with their last seq. */
  public void endStreams() {
    List.copyOf(watches).forEach(AlarmWatch::end);
  }

  @Override
  public void get(GetAlarmRequest request, StreamObserver<io.cordon.api.v1.Alarm> responseObserver) {
    FieldViolations violations = new FieldViolations().checkText("alarm_id", request.getAlarmId(), 1, MAX_ALARM_ID);
    if (!violations.isEmpty()) {
      responseObserver.onError(violations.toException(Code.INVALID_ARGUMENT, "invalid request"));
      return;
    }
    Optional<io.cordon.api.v1.Alarm> alarm;
    try {
      alarm = center.find(request.getAlarmId());
    } catch (RuntimeException e) {
      log.warn("Cannot read alarm {}", request.getAlarmId(), e);
      responseObserver.onError(Status.UNAVAILABLE.withDescription("cannot read the alarm now; retry").asRuntimeException());
      return;
    }
    if (alarm.isEmpty()) {
      responseObserver.onError(FieldViolations.single(Code.NOT_FOUND, "unknown alarm", "alarm_id", "is not an alarm"));
      return;
    }
    responseObserver.onNext(alarm.get());
    responseObserver.onCompleted();
  }

  @Override
  public void act(AlarmActionRequest request, StreamObserver<io.cordon.api.v1.Alarm> responseObserver) {
    FieldViolations violations = new FieldViolations()
        .checkText("request_id", request.getRequestId(), 1, MAX_REQUEST_ID)
        .checkText("alarm_id", request.getAlarmId(), 1, MAX_ALARM_ID)
        .checkOptionalText("note", request.getNote(), MAX_NOTE);
    if (request.getExpectedVersion() == 0) {
      violations.add("expected_version", "is required: the version the operator saw");
    }
    Actor actor = actor();
    Function<Alarm, Outcome> action = action(request, actor, violations);
    if (!violations.isEmpty()) {
      responseObserver.onError(violations.toException(Code.INVALID_ARGUMENT, "invalid alarm action"));
      return;
    }
    answer(center.act("alarm-act/" + actor.name() + "/" + request.getRequestId(), request.getAlarmId(), action),
        responseObserver);
  }

  @Override
  public void reportManual(ManualAlarmRequest request, StreamObserver<io.cordon.api.v1.Alarm> responseObserver) {
    FieldViolations violations = new FieldViolations()
        .checkText("request_id", request.getRequestId(), 1, MAX_REQUEST_ID);
    String detail = request.getDetail().strip();
    violations.checkText("detail", detail, 2, 256);
    AlarmType type = AlarmType.MANUAL;
    if (request.getType() != io.cordon.api.v1.AlarmType.ALARM_TYPE_UNSPECIFIED) {
      Optional<AlarmType> given = AlarmEnums.toDomain(request.getType());
      if (given.isEmpty()) {
        violations.add("type", "is not a known alarm type");
      } else {
        type = given.get();
      }
    }
    Optional<Severity> severity = AlarmEnums.toDomain(request.getSeverity());
    if (severity.isEmpty()) {
      violations.add("severity", "is required");
    }
    if (!request.hasLocation()) {
      violations.add("location", "is required");
    } else if (!sources.inArea(request.getLocation().getLon(), request.getLocation().getLat())) {
      violations.add("location", "is outside the park");
    }
    if (!violations.isEmpty()) {
      responseObserver.onError(violations.toException(Code.INVALID_ARGUMENT, "invalid manual alarm"));
      return;
    }
    Actor actor = actor();
    AlarmLocation location = center.locate(request.getLocation().getLon(), request.getLocation().getLat());
    Instant now = clock.instant();
    SourceReport report = new SourceReport(type, severity, new SourceRef("user", actor.name()), location,
        center.camerasCovering(location), List.of(), detail, now);
    answer(center.reportManual("alarm-manual/" + actor.name() + "/" + request.getRequestId(), report),
        responseObserver);
  }

  @Override
  public void snooze(SnoozeRequest request, StreamObserver<SnoozeResponse> responseObserver) {
    FieldViolations violations = new FieldViolations()
        .checkText("request_id", request.getRequestId(), 1, MAX_REQUEST_ID);
    Optional<SourceRef> source = source(request.getSourceKind(), request.getSourceId(), violations);
    if (request.getMinutes() < 1 || request.getMinutes() > 1440) {
      violations.add("minutes", "must be 1..1440");
    }
    String reason = request.getReason().strip();
    if (reason.length() < MIN_REASON) {
      violations.add("reason", "is required: " + MIN_REASON + ".." + MAX_REASON + " characters");
    } else {
      violations.checkText("reason", reason, MIN_REASON, MAX_REASON);
    }
    if (!violations.isEmpty()) {
      responseObserver.onError(violations.toException(Code.INVALID_ARGUMENT, "invalid snooze"));
      return;
    }
    Actor actor = actor();
    answerSnoozes(center.snooze("alarm-snooze/" + actor.name() + "/" + request.getRequestId(), source.get(),
        Optional.of(Duration.ofMinutes(request.getMinutes())), reason, actor.name()), responseObserver);
  }

  @Override
  public void unsnooze(UnsnoozeRequest request, StreamObserver<SnoozeResponse> responseObserver) {
    FieldViolations violations = new FieldViolations()
        .checkText("request_id", request.getRequestId(), 1, MAX_REQUEST_ID);
    Optional<SourceRef> source = source(request.getSourceKind(), request.getSourceId(), violations);
    if (!violations.isEmpty()) {
      responseObserver.onError(violations.toException(Code.INVALID_ARGUMENT, "invalid unsnooze"));
      return;
    }
    Actor actor = actor();
    answerSnoozes(center.snooze("alarm-unsnooze/" + actor.name() + "/" + request.getRequestId(), source.get(),
        Optional.empty(), "", actor.name()), responseObserver);
  }

  // ---- helpers --------------------------------------------------------------------------------

  private Function<Alarm, Outcome> action(AlarmActionRequest r, Actor actor, FieldViolations violations) {
    long v = r.getExpectedVersion();
    String note = r.getNote();
    switch (r.getActionCase()) {
      case ACKNOWLEDGE:
        return a -> a.acknowledge(actor, v, clock.instant(), note);
      case DISPATCH: {
        AlarmActionRequest.Dispatch d = r.getDispatch();
        if (!d.hasTask()) {
          violations.add("dispatch.task", "is required");
          return null;
        }
        violations.checkText("dispatch.task.team", d.getTask().getTeam(), 1, 64)
            .checkText("dispatch.task.text", d.getTask().getText(), 1, 500)
            .checkOptionalText("dispatch.task.voice_message", d.getTask().getVoiceMessage(), 200);
        DispatchTask task = new DispatchTask(d.getTask().getTeam(), d.getTask().getText(),
            d.getTask().getVoiceMessage());
        return a -> a.dispatch(actor, v, task, clock.instant(), note);
      }
      case ON_SITE:
        return a -> a.onSite(actor, v, clock.instant(), note);
      case RESOLVE: {
        Optional<Verdict> verdict = AlarmProtos.verdict(r.getResolve().getVerdict());
        if (verdict.isEmpty()) {
          violations.add("resolve.verdict", "must be TRUE, FALSE or NUISANCE");
        }
        String cause = r.getResolve().getCause().strip();
        violations.checkText("resolve.cause", cause, MIN_REASON, MAX_REASON);
        return a -> a.resolve(actor, v, verdict.orElse(null), cause, clock.instant(), note);
      }
      case CLOSE:
        return a -> a.close(actor, v, clock.instant(), note);
      case ANSWER_STEP: {
        AlarmActionRequest.AnswerSopStep s = r.getAnswerStep();
        violations.checkText("answer_step.step_id", s.getStepId(), 1, 64)
            .checkText("answer_step.answer_id", s.getAnswerId(), 1, 64);
        return a -> a.answerStep(actor, v, s.getStepId(), s.getAnswerId(), clock.instant(), note);
      }
      case SKIP_STEP: {
        AlarmActionRequest.SkipSopStep s = r.getSkipStep();
        violations.checkText("skip_step.step_id", s.getStepId(), 1, 64);
        String reason = s.getReason().strip();
        if (reason.length() < MIN_REASON) {
          violations.add("skip_step.reason", "is required: " + MIN_REASON + ".." + MAX_REASON + " characters");
        } else {
          violations.checkText("skip_step.reason", reason, MIN_REASON, MAX_REASON);
        }
        return a -> a.skipStep(actor, v, s.getStepId(), reason, clock.instant());
      }
      case FORWARD: {
        AlarmActionRequest.Forward f = r.getForward();
        for (int i = 0; i < f.getToCount(); i++) {
          violations.checkText("forward.to[" + i + "]", f.getTo(i), 1, 64);
        }
        Duration delay = Duration.ofSeconds(f.getDelaySeconds() == 0 ? 60 : f.getDelaySeconds());
        List<String> to = List.copyOf(f.getToList());
        return a -> a.forward(actor, v, to, delay, clock.instant(), note);
      }
      default:
        violations.add("action", "is required");
        return null;
    }
  }

  private Optional<SourceRef> source(String kind, String id, FieldViolations violations) {
    if (!SourceRef.KINDS.contains(kind)) {
      violations.add("source_kind", "must be one of " + String.join(", ", SourceRef.KINDS.stream().sorted().toList()));
    }
    violations.checkText("source_id", id, 1, 64);
    if (!violations.isEmpty()) {
      return Optional.empty();
    }
    if (sources.isParkDevice(kind) && sources.positionOf(kind, id).isEmpty()) {
      violations.add("source_id", "is not a " + kind + " of the park");
      return Optional.empty();
    }
    return Optional.of(new SourceRef(kind, id));
  }

  private static Actor actor() {
    AuthenticatedUser user = AuthContext.currentUser().orElseThrow(() -> new IllegalStateException("no caller"));
    return new Actor(user.username(), user.hasRole(Role.ROLE_SUPERVISOR));
  }

  private static void answer(CompletableFuture<io.cordon.api.v1.Alarm> future,
      StreamObserver<io.cordon.api.v1.Alarm> responseObserver) {
    future.whenComplete((alarm, failure) -> {
      if (failure == null) {
        responseObserver.onNext(alarm);
        responseObserver.onCompleted();
      } else {
        responseObserver.onError(status(failure));
      }
    });
  }

  private static void answerSnoozes(CompletableFuture<List<Snooze>> future,
      StreamObserver<SnoozeResponse> responseObserver) {
    future.whenComplete((snoozes, failure) -> {
      if (failure == null) {
        responseObserver.onNext(SnoozeResponse.newBuilder()
            .addAllSnoozes(snoozes.stream().map(AlarmProtos::toProto).toList()).build());
        responseObserver.onCompleted();
      } else {
        responseObserver.onError(status(failure));
      }
    });
  }

  private static RuntimeException status(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof AlarmRefusedException refused) {
      Refusal r = refused.refusal();
      Code code = r.kind() == Refusal.Kind.INVALID ? Code.INVALID_ARGUMENT
          : r.kind() == Refusal.Kind.FORBIDDEN ? Code.PERMISSION_DENIED : Code.FAILED_PRECONDITION;
      return FieldViolations.single(code, r.reason(), r.field(), r.reason());
    }
    if (cause instanceof UnknownAlarmException) {
      return FieldViolations.single(Code.NOT_FOUND, "unknown alarm", "alarm_id", "is not an open alarm");
    }
    log.warn("Alarm action not recorded", cause);
    return Status.UNAVAILABLE.withDescription("not recorded; retry with the same request_id").asRuntimeException();
  }
}
