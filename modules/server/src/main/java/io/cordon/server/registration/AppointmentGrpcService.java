package io.cordon.server.registration;

import io.cordon.api.v1.ApplicationActionRequest;
import io.cordon.api.v1.ApplicationList;
import io.cordon.api.v1.AppointmentServiceGrpc;
import io.cordon.api.v1.ConfirmExitRequest;
import io.cordon.api.v1.CreateDraftRequest;
import io.cordon.api.v1.EditDraftRequest;
import io.cordon.api.v1.GetApplicationRequest;
import io.cordon.api.v1.GetPermitRequest;
import io.cordon.api.v1.ListMineRequest;
import io.cordon.api.v1.PermitActionRequest;
import io.cordon.api.v1.ReasonedActionRequest;
import io.cordon.devices.gate.FieldViolations;
import io.cordon.domain.appointment.Actor;
import io.cordon.domain.appointment.Application;
import io.cordon.domain.appointment.ApplicationContent;
import io.cordon.domain.appointment.ApplicationId;
import io.cordon.domain.appointment.ApplicationKind;
import io.cordon.domain.appointment.ApplicationState;
import io.cordon.domain.appointment.Outcome;
import io.cordon.domain.appointment.Transition;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.validation.Result;
import io.cordon.server.event.JournalAppend;
import io.cordon.server.event.LiveEvents;
import io.cordon.server.registration.RegistrationStore.StoredApplication;
import io.cordon.server.registration.RegistrationStore.StoredPermit;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * {@code AppointmentService}: enterprise applicants draft, submit, follow and withdraw their own
 * enterprise's applications; the host enterprise confirms or declines and confirms a
 * dangerous-goods vehicle's exit.
 */
public final class AppointmentGrpcService extends AppointmentServiceGrpc.AppointmentServiceImplBase {

  static final int MAX_NOTE = 500;

  private final Applications applications;
  private final LiveEvents live;
  private final Executor watchExecutor;
  private final Set<ApplicationWatch> watches = ConcurrentHashMap.newKeySet();

  AppointmentGrpcService(Applications applications, LiveEvents live, Executor watchExecutor) {
    this.applications = applications;
    this.live = live;
    this.watchExecutor = watchExecutor;
  }

  @Override
  public void createDraft(CreateDraftRequest request, StreamObserver<io.cordon.api.v1.Application> observer) {
    Rpc.answer(observer, "CreateDraft", () -> {
      Caller caller = caller();
      String key = Rpc.key("draft", caller, request.getRequestId());
      Optional<String> earlier = store().recordedSubject(key, "application");
      if (earlier.isPresent()) {
        StoredApplication s = applications.load(earlier.get());
        return applications.view(s.application(), s.seq());
      }
      Optional<ApplicationKind> kind = RegistrationProtos.kind(request.getKind());
      if (kind.isEmpty()) {
        throw RegistrationException.invalid("kind", "is required");
      }
      if (!request.hasContent()) {
        throw RegistrationException.invalid("content", "is required");
      }
      ApplicationContent content = applications.content(request.getContent());
      Actor actor = Actor.ofEnterprise(caller.name(), caller.applicant());
      Instant now = applications.clock().instant();
      Application draft = Application.draft(new ApplicationId(store().nextId("A")), kind.get(), actor, content,
          applications.settings().rules(), now);
      Transition created = draft.history().get(0);
      long seq = applications.commit(key, 0, new Outcome.Changed(draft, created, Optional.empty()));
      return applications.view(draft, seq);
    });
  }

  @Override
  public void editDraft(EditDraftRequest request, StreamObserver<io.cordon.api.v1.Application> observer) {
    Rpc.answer(observer, "EditDraft", () -> {
      Caller caller = caller();
      String key = Rpc.key("edit", caller, request.getRequestId());
      StoredApplication s = applications.readable(request.getApplicationId(), caller);
      if (!request.hasContent()) {
        throw RegistrationException.invalid("content", "is required");
      }
      ApplicationContent content = applications.content(request.getContent());
      Actor actor = applicant(caller);
      return applications.act(key, s, a -> a.edit(actor, request.getExpectedVersion(), content,
          applications.clock().instant()));
    });
  }

  @Override
  public void submit(ApplicationActionRequest request, StreamObserver<io.cordon.api.v1.Application> observer) {
    Rpc.answer(observer, "Submit", () -> {
      Caller caller = caller();
      String key = Rpc.key("submit", caller, request.getRequestId());
      note(request.getNote());
      StoredApplication s = applications.readable(request.getApplicationId(), caller);
      Actor actor = applicant(caller);
      return applications.act(key, s, a -> a.submit(actor, request.getExpectedVersion(), applications.checks(),
          applications.clock().instant()));
    });
  }

  @Override
  public void withdraw(ApplicationActionRequest request, StreamObserver<io.cordon.api.v1.Application> observer) {
    Rpc.answer(observer, "Withdraw", () -> {
      Caller caller = caller();
      String key = Rpc.key("withdraw", caller, request.getRequestId());
      note(request.getNote());
      StoredApplication s = applications.readable(request.getApplicationId(), caller);
      Actor actor = applicant(caller);
      return applications.act(key, s, a -> a.withdraw(actor, request.getExpectedVersion(),
          applications.clock().instant(), request.getNote()));
    });
  }

  @Override
  public void getApplication(GetApplicationRequest request, StreamObserver<io.cordon.api.v1.Application> observer) {
    Rpc.answer(observer, "GetApplication", () -> {
      StoredApplication s = applications.readable(request.getApplicationId(), caller());
      return applications.view(s.application(), s.seq());
    });
  }

  @Override
  public void listMine(ListMineRequest request, StreamObserver<ApplicationList> observer) {
    Rpc.answer(observer, "ListMine", () -> {
      Caller caller = caller();
      Set<String> states = request.getStatesCount() == 0
          ? java.util.Arrays.stream(ApplicationState.values()).map(Enum::name).collect(Collectors.toSet())
          : request.getStatesList().stream().map(RegistrationProtos::state).flatMap(Optional::stream)
              .map(Enum::name).collect(Collectors.toSet());
      if (states.isEmpty()) {
        throw RegistrationException.invalid("states", "name known states or none");
      }
      int limit = request.getLimit() == 0 ? 100 : Math.min(500, request.getLimit());
      List<StoredApplication> mine = store().applicationsOf(caller.applicant().value(), states, limit);
      return ApplicationList.newBuilder().addAllApplications(mine.stream()
          .map(s -> applications.view(s.application(), s.seq())).toList()).build();
    });
  }

  @Override
  public void watchApplication(GetApplicationRequest request,
      StreamObserver<io.cordon.api.v1.Application> responseObserver) {
    StoredApplication first;
    try {
      first = applications.readable(request.getApplicationId(), caller());
    } catch (RegistrationException e) {
      responseObserver.onError(e.status());
      return;
    } catch (RuntimeException e) {
      responseObserver.onError(Status.UNAVAILABLE.withDescription("cannot read the application now; retry")
          .asRuntimeException());
      return;
    }
    ApplicationWatch[] self = new ApplicationWatch[1];
    self[0] = ApplicationWatch.start(first, applications, live,
        (ServerCallStreamObserver<io.cordon.api.v1.Application>) responseObserver, watchExecutor,
        () -> watches.remove(self[0]));
    watches.add(self[0]);
  }

  /** Ends every open watch with UNAVAILABLE (server shutdown); clients watch again. */
  public void endStreams() {
    List.copyOf(watches).forEach(w -> w.end(Status.UNAVAILABLE.withDescription("server shutting down")));
  }

  @Override
  public void confirm(ApplicationActionRequest request, StreamObserver<io.cordon.api.v1.Application> observer) {
    Rpc.answer(observer, "Confirm", () -> {
      Caller caller = caller();
      String key = Rpc.key("confirm", caller, request.getRequestId());
      note(request.getNote());
      StoredApplication s = applications.readable(request.getApplicationId(), caller);
      Actor actor = applicant(caller);
      return applications.act(key, s, a -> a.confirm(actor, request.getExpectedVersion(),
          applications.clock().instant(), request.getNote()));
    });
  }

  @Override
  public void decline(ReasonedActionRequest request, StreamObserver<io.cordon.api.v1.Application> observer) {
    Rpc.answer(observer, "Decline", () -> {
      Caller caller = caller();
      String key = Rpc.key("decline", caller, request.getRequestId());
      note(request.getNote());
      Applications.require(Applications.checkReasons("reasons", request.getReasonsList(), true));
      StoredApplication s = applications.readable(request.getApplicationId(), caller);
      Actor actor = applicant(caller);
      return applications.act(key, s, a -> a.decline(actor, request.getExpectedVersion(),
          RegistrationProtos.errors(request.getReasonsList()), applications.clock().instant(), request.getNote()));
    });
  }

  @Override
  public void requestExit(PermitActionRequest request, StreamObserver<io.cordon.api.v1.Permit> observer) {
    Rpc.answer(observer, "RequestExit", () -> {
      Caller caller = caller();
      String key = Rpc.key("exit-request", caller, request.getRequestId());
      note(request.getNote());
      StoredPermit stored = readablePermit(request.getPermitId(), caller);
      Instant now = applications.clock().instant();
      return changePermit(key, stored, stored.permit().requestExit(now), "permit.exit_requested", now, caller.name(),
          request.getNote());
    });
  }

  @Override
  public void confirmExit(ConfirmExitRequest request, StreamObserver<io.cordon.api.v1.Permit> observer) {
    Rpc.answer(observer, "ConfirmExit", () -> {
      Caller caller = caller();
      String key = Rpc.key("exit-confirm", caller, request.getRequestId());
      note(request.getNote());
      StoredPermit stored = readablePermit(request.getPermitId(), caller);
      Instant now = applications.clock().instant();
      Result<Permit> r = stored.permit().confirmExit(caller.applicant(), caller.name(), now, request.getWorkDone(),
          request.getNothingSpilled(), request.getNote());
      return changePermit(key, stored, r, "permit.exit_confirmed", now, caller.name(), request.getNote());
    });
  }

  @Override
  public void getPermit(GetPermitRequest request, StreamObserver<io.cordon.api.v1.Permit> observer) {
    Rpc.answer(observer, "GetPermit", () -> {
      StoredPermit p = readablePermit(request.getPermitId(), caller());
      return RegistrationProtos.toProto(p.permit(), p.seq(), applications.settings().rules().exitConfirmationWindow());
    });
  }

  // ---- helpers --------------------------------------------------------------------------------

  StoredPermit readablePermit(String permitId, Caller caller) {
    if (permitId.isBlank() || permitId.length() > 20) {
      throw RegistrationException.invalid("permit_id", "is required: 1..20 characters");
    }
    StoredPermit p = store().permit(permitId).orElseThrow(() -> RegistrationException.notFound("permit_id", "a permit"));
    if (!caller.staff()) {
      Optional<StoredApplication> a = store().application(p.permit().applicationId());
      boolean mine = caller.mayRead(p.permit().host())
          || a.map(s -> caller.mayRead(s.application().applicant())).orElse(false);
      if (!mine) {
        throw RegistrationException.notFound("permit_id", "a permit");
      }
    }
    return p;
  }

  /** Commits a permit change decided by the domain, with its journal event. */
  io.cordon.api.v1.Permit changePermit(String key, StoredPermit stored, Result<Permit> decided, String type,
      Instant now, String by, String note) {
    java.time.Duration exitWindow = applications.settings().rules().exitConfirmationWindow();
    if (store().wasProcessed(key)) {
      StoredPermit p = store().permit(stored.permit().id().value()).orElseThrow();
      return RegistrationProtos.toProto(p.permit(), p.seq(), exitWindow);
    }
    if (decided instanceof Result.Refused<Permit> refused) {
      throw RegistrationException.of(refused.refusal(), RegistrationProtos::snake);
    }
    Permit after = decided.orElseThrow();
    long seq = store().commit(List.of(JournalAppend.once(key, RegistrationEvents.permit(type, after, now, by,
        note == null ? "" : note.strip()))), (session, appended) -> {
          if (appended.get(0).isNew()) {
            store().savePermit(session, after, appended.get(0).event().seq(), Optional.of(stored.permit()));
          }
        }).get(0).event().seq();
    return RegistrationProtos.toProto(after, seq, exitWindow);
  }

  private RegistrationStore store() {
    return applications.store();
  }

  private Caller caller() {
    return Caller.current(store());
  }

  private static Actor applicant(Caller caller) {
    return Actor.ofEnterprise(caller.name(), caller.applicant());
  }

  private static void note(String note) {
    Applications.require(new FieldViolations().checkOptionalText("note", note, MAX_NOTE));
  }
}
