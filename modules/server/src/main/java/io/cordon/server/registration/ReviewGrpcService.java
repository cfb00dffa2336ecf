package io.cordon.server.registration;

import io.cordon.api.v1.ApproveRequest;
import io.cordon.api.v1.GetApplicationRequest;
import io.cordon.api.v1.InboxItem;
import io.cordon.api.v1.InboxRequest;
import io.cordon.api.v1.InboxResponse;
import io.cordon.api.v1.OpinionRequest;
import io.cordon.api.v1.ReasonedActionRequest;
import io.cordon.api.v1.ReviewServiceGrpc;
import io.cordon.api.v1.ReviewView;
import io.cordon.api.v1.ReviewerDepartments;
import io.cordon.api.v1.RevokePermitRequest;
import io.cordon.api.v1.SetReviewerDepartmentsRequest;
import io.cordon.devices.gate.FieldViolations;
import io.cordon.domain.appointment.Actor;
import io.cordon.domain.appointment.Application;
import io.cordon.domain.appointment.ApplicationKind;
import io.cordon.domain.appointment.ApplicationState;
import io.cordon.domain.appointment.Department;
import io.cordon.domain.appointment.PreChecks;
import io.cordon.domain.capacity.CapacityCheck;
import io.cordon.domain.capacity.CapacityFlag;
import io.cordon.domain.capacity.Demand;
import io.cordon.domain.permit.PermitScope;
import io.cordon.domain.validation.FieldError;
import io.cordon.domain.validation.Problems;
import io.cordon.server.event.JournalAppend;
import io.cordon.server.event.NewEvent;
import io.cordon.server.event.SubjectKey;
import io.cordon.server.registration.RegistrationStore.StoredApplication;
import io.cordon.server.registration.RegistrationStore.StoredPermit;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code ReviewService}: the park's reviewers. The safety department does the first review and
 * grants the permit's scope; emergency management and environmental protection give their joint
 * opinions on dangerous-goods deliveries. A reviewer's departments come from
 * {@link RegistrationStore#departmentsOf} (none set: safety).
 */
public final class ReviewGrpcService extends ReviewServiceGrpc.ReviewServiceImplBase {

  private static final Set<String> AWAITING = Set.of(ApplicationState.SUBMITTED.name(),
      ApplicationState.UNDER_REVIEW.name(), ApplicationState.JOINT_REVIEW.name());

  private final Applications applications;
  private final AppointmentGrpcService permits;

  ReviewGrpcService(Applications applications, AppointmentGrpcService permits) {
    this.applications = applications;
    this.permits = permits;
  }

  @Override
  public void inbox(InboxRequest request, StreamObserver<InboxResponse> observer) {
    Rpc.answer(observer, "Inbox", () -> {
      Caller caller = caller();
      Set<String> states = request.getStatesCount() == 0 ? AWAITING
          : request.getStatesList().stream().map(RegistrationProtos::state).flatMap(Optional::stream)
              .map(Enum::name).collect(Collectors.toSet());
      Set<ApplicationKind> kinds = request.getKindsList().stream().map(RegistrationProtos::kind)
          .flatMap(Optional::stream).collect(Collectors.toSet());
      Applications.require(new FieldViolations().checkOptionalText("enterprise_id", request.getEnterpriseId(), 40));
      int limit = request.getLimit() == 0 ? 200 : Math.min(500, request.getLimit());
      Instant now = applications.clock().instant();
      Set<Department> mine = store().departmentsOf(caller.name());
      List<InboxItem> items = store().applicationsIn(states.isEmpty() ? AWAITING : states,
              request.getEnterpriseId().isBlank() ? Optional.empty() : Optional.of(request.getEnterpriseId().strip()),
              limit * 4).stream()
          .map(StoredApplication::application)
          .filter(a -> kinds.isEmpty() || kinds.contains(a.kind()))
          .filter(a -> !request.getOverdueOnly() || a.overdueAt(now))
          .filter(a -> !request.getMineOnly() || canActNow(a, mine))
          .limit(limit).map(a -> item(a, now)).toList();
      return InboxResponse.newBuilder().addAllItems(items).setNow(RegistrationProtos.ts(now)).build();
    });
  }

  private static boolean canActNow(Application a, Set<Department> mine) {
    if (a.state() == ApplicationState.UNDER_REVIEW) {
      return mine.contains(Department.SAFETY);
    }
    return a.state() == ApplicationState.JOINT_REVIEW && a.pendingDepartments().stream().anyMatch(mine::contains);
  }

  private InboxItem item(Application a, Instant now) {
    InboxItem.Builder b = InboxItem.newBuilder().setApplicationId(a.id().value())
        .setKind(RegistrationProtos.kind(a.kind())).setState(RegistrationProtos.state(a.state()))
        .setApplicantEnterpriseId(a.applicant().value()).setHostEnterpriseId(a.content().host().value())
        .setWindow(RegistrationProtos.toProto(a.content().window())).setOverdue(a.overdueAt(now))
        .setPeople(a.content().personIds().size()).setVersion(a.version())
        .setSummary(a.content().goods().isEmpty() ? a.content().purpose()
            : a.content().goods().stream().map(g -> g.unNumber() + " " + g.name() + " " + g.quantity())
                .collect(Collectors.joining(", ")));
    a.reviewDue().ifPresent(d -> b.setReviewDue(RegistrationProtos.ts(d)));
    a.pendingDepartments().stream().sorted().forEach(d -> b.addPendingDepartments(RegistrationProtos.department(d)));
    a.content().vehicles().forEach(v -> b.addPlates(v.plate().value()));
    return b.build();
  }

  @Override
  public void getForReview(GetApplicationRequest request, StreamObserver<ReviewView> observer) {
    Rpc.answer(observer, "GetForReview", () -> {
      Caller caller = caller();
      StoredApplication s = applications.load(request.getApplicationId());
      Application a = s.application();
      ReviewView.Builder b = ReviewView.newBuilder().setApplication(applications.view(a, s.seq()));
      Instant first = a.firstSubmittedAt().orElse(applications.clock().instant());
      PreChecks.mistakes(a.id(), a.kind(), a.applicant(), a.content(), first, applications.checks())
          .forEach(e -> b.addMistakes(RegistrationProtos.reason(e)));
      PreChecks.grounds(a.applicant(), a.content(), applications.checks())
          .forEach(e -> b.addGrounds(RegistrationProtos.reason(e)));
      Optional<Demand> demand = Demand.of(a, applications.park());
      if (demand.isPresent()) {
        List<Demand> approved = store().approvedOverlapping(a.content().window()).stream()
            .map(x -> Demand.of(x, applications.park())).flatMap(Optional::stream).toList();
        for (CapacityFlag f : CapacityCheck.check(demand.get(), approved, applications.settings().capacity())) {
          io.cordon.api.v1.CapacityFlag.Builder fb = io.cordon.api.v1.CapacityFlag.newBuilder()
              .setResource(RegistrationProtos.toProto(f.resource(), "CAPACITY_RESOURCE_",
                  io.cordon.api.v1.CapacityResource::valueOf))
              .setLimit(f.limit()).setPeak(f.peak()).setAt(RegistrationProtos.ts(f.at())).setText(f.describe());
          f.zone().ifPresent(z -> fb.setZoneId(z.value()));
          b.addCapacityFlags(fb);
        }
      }
      store().departmentsOf(caller.name()).forEach(d -> b.addCallerDepartments(RegistrationProtos.department(d)));
      return b.build();
    });
  }

  @Override
  public void approve(ApproveRequest request, StreamObserver<io.cordon.api.v1.Application> observer) {
    Rpc.answer(observer, "Approve", () -> {
      Caller caller = caller();
      String key = Rpc.key("approve", caller, request.getRequestId());
      note(request.getNote());
      if (!request.hasScope()) {
        throw RegistrationException.invalid("scope", "is required: the lanes and zones the permit allows");
      }
      Problems p = new Problems();
      PermitScope scope = RegistrationProtos.scope(request.getScope(), p);
      if (!p.isEmpty()) {
        throw RegistrationException.invalid(p.list());
      }
      StoredApplication s = applications.load(request.getApplicationId());
      Actor actor = reviewer(caller, Department.SAFETY);
      return applications.act(key, s, a -> a.approve(actor, request.getExpectedVersion(), scope, applications.park(),
          applications.clock().instant(), request.getNote()));
    });
  }

  @Override
  public void return_(ReasonedActionRequest request, StreamObserver<io.cordon.api.v1.Application> observer) {
    Rpc.answer(observer, "Return", () -> {
      Caller caller = caller();
      String key = Rpc.key("return", caller, request.getRequestId());
      note(request.getNote());
      Applications.require(Applications.checkReasons("reasons", request.getReasonsList(), true));
      StoredApplication s = applications.load(request.getApplicationId());
      Actor actor = reviewer(caller, Department.SAFETY);
      return applications.act(key, s, a -> a.returnToApplicant(actor, request.getExpectedVersion(),
          RegistrationProtos.errors(request.getReasonsList()), applications.clock().instant(), request.getNote()));
    });
  }

  @Override
  public void reject(ReasonedActionRequest request, StreamObserver<io.cordon.api.v1.Application> observer) {
    Rpc.answer(observer, "Reject", () -> {
      Caller caller = caller();
      String key = Rpc.key("reject", caller, request.getRequestId());
      note(request.getNote());
      Applications.require(Applications.checkReasons("reasons", request.getReasonsList(), true));
      StoredApplication s = applications.load(request.getApplicationId());
      Actor actor = reviewer(caller, Department.SAFETY);
      return applications.act(key, s, a -> a.reject(actor, request.getExpectedVersion(),
          RegistrationProtos.errors(request.getReasonsList()), applications.clock().instant(), request.getNote()));
    });
  }

  @Override
  public void giveOpinion(OpinionRequest request, StreamObserver<io.cordon.api.v1.Application> observer) {
    Rpc.answer(observer, "GiveOpinion", () -> {
      Caller caller = caller();
      String key = Rpc.key("opinion", caller, request.getRequestId());
      note(request.getNote());
      Applications.require(Applications.checkReasons("objections", request.getObjectionsList(), !request.getAgrees()));
      Set<Department> mine = store().departmentsOf(caller.name());
      Optional<Department> asked = RegistrationProtos.department(request.getDepartment());
      Department department;
      if (asked.isPresent()) {
        if (!mine.contains(asked.get())) {
          throw RegistrationException.denied(caller.name() + " does not review for " + asked.get());
        }
        department = asked.get();
      } else {
        Set<Department> joint = EnumSet.copyOf(mine);
        joint.remove(Department.SAFETY);
        if (joint.size() != 1) {
          throw RegistrationException.invalid("department", joint.isEmpty()
              ? "you review for no joint department" : "name the department you answer for: " + joint);
        }
        department = joint.iterator().next();
      }
      StoredApplication s = applications.load(request.getApplicationId());
      Actor actor = Actor.reviewer(caller.name(), department);
      return applications.act(key, s, a -> a.giveOpinion(actor, request.getExpectedVersion(), request.getAgrees(),
          RegistrationProtos.errors(request.getObjectionsList()), applications.clock().instant(), request.getNote()));
    });
  }

  @Override
  public void revokePermit(RevokePermitRequest request, StreamObserver<io.cordon.api.v1.Permit> observer) {
    Rpc.answer(observer, "RevokePermit", () -> {
      Caller caller = caller();
      String key = Rpc.key("revoke", caller, request.getRequestId());
      Applications.require(new FieldViolations().checkText("reason", request.getReason().strip(), 2, 500));
      StoredPermit stored = permits.readablePermit(request.getPermitId(), caller);
      Instant now = applications.clock().instant();
      return permits.changePermit(key, stored, stored.permit().revoke(caller.name(), now, request.getReason()),
          "permit.revoked", now, caller.name(), request.getReason());
    });
  }

  @Override
  public void setReviewerDepartments(SetReviewerDepartmentsRequest request,
      StreamObserver<ReviewerDepartments> observer) {
    Rpc.answer(observer, "SetReviewerDepartments", () -> {
      Caller caller = caller();
      String key = Rpc.key("departments", caller, request.getRequestId());
      Applications.require(new FieldViolations().checkText("username", request.getUsername(), 1, 64));
      Set<Department> departments = EnumSet.noneOf(Department.class);
      for (int i = 0; i < request.getDepartmentsCount(); i++) {
        Optional<Department> d = RegistrationProtos.department(request.getDepartments(i));
        if (d.isEmpty()) {
          throw RegistrationException.invalid("departments[" + i + "]", "is not a department");
        }
        departments.add(d.get());
      }
      String names = departments.stream().map(Enum::name).collect(Collectors.joining(","));
      NewEvent event = new NewEvent(applications.clock().instant(), "reviewer.departments_set",
          List.of(new SubjectKey("user", request.getUsername()), new SubjectKey("user", caller.name())),
          Optional.empty(), request.getUsername() + " reviews for " + (names.isEmpty() ? "SAFETY (default)" : names)
              + " (set by " + caller.name() + ")", Map.of("username", request.getUsername(), "departments", names));
      store().commit(List.of(JournalAppend.once(key, event)), (session, appended) -> {
        if (appended.get(0).isNew()) {
          RegistrationStore.saveDepartments(session, request.getUsername(), departments);
        }
      });
      ReviewerDepartments.Builder b = ReviewerDepartments.newBuilder().setUsername(request.getUsername());
      store().departmentsOf(request.getUsername()).forEach(d -> b.addDepartments(RegistrationProtos.department(d)));
      return b.build();
    });
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** The reviewer acting for {@code wanted} if the caller reviews for it, else for one of theirs (the domain then refuses). */
  private Actor reviewer(Caller caller, Department wanted) {
    Set<Department> mine = store().departmentsOf(caller.name());
    return Actor.reviewer(caller.name(), mine.contains(wanted) ? wanted : mine.iterator().next());
  }

  private RegistrationStore store() {
    return applications.store();
  }

  private Caller caller() {
    return Caller.current(store());
  }

  private static void note(String note) {
    Applications.require(new FieldViolations().checkOptionalText("note", note, AppointmentGrpcService.MAX_NOTE));
  }

  static List<FieldError> none() {
    return List.of();
  }
}
