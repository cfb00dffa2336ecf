package io.cordon.client.registration;

import io.cordon.api.v1.Application;
import io.cordon.api.v1.ApplicationContent;
import io.cordon.api.v1.ApplicationState;
import io.cordon.api.v1.ApplicationTransition;
import io.cordon.api.v1.ApproveRequest;
import io.cordon.api.v1.Department;
import io.cordon.api.v1.FieldReason;
import io.cordon.api.v1.Gate;
import io.cordon.api.v1.LaneClass;
import io.cordon.api.v1.LaneRef;
import io.cordon.api.v1.OpinionRequest;
import io.cordon.api.v1.Opinion;
import io.cordon.api.v1.Park;
import io.cordon.api.v1.Permit;
import io.cordon.api.v1.PermitScope;
import io.cordon.api.v1.ReasonedActionRequest;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.api.v1.ReviewView;
import io.cordon.api.v1.RevokePermitRequest;
import io.cordon.api.v1.VehicleClass;
import io.cordon.api.v1.ZoneClass;
import io.cordon.client.registration.ReviewLines.CertificateLine;
import io.cordon.client.registration.ReviewLines.Finding;
import io.cordon.client.registration.ReviewLines.GoodsLine;
import io.cordon.client.registration.ReviewLines.LaneChoice;
import io.cordon.client.registration.ReviewLines.PersonLine;
import io.cordon.client.registration.ReviewLines.PersonPart;
import io.cordon.client.registration.ReviewLines.VehicleLine;
import io.cordon.client.registration.ReviewLines.ZoneChoice;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One application on the reviewer's screen with everything needed to decide — applicant, people
 * with masked ID numbers and certificate expiries, vehicles with their transport permits, goods,
 * window, route, loading point, the automatic findings, the other departments' opinions and the
 * history — and the decisions: approve with the permit's scope, return or reject with reasons,
 * a joint-review opinion. Failed decisions keep the server's field errors in {@link #status()}.
 * UI thread only.
 */
public final class ApplicationReviewViewModel {

  private final RegistrationClient client;
  private final Clock clock;
  private final CallStatus status;
  private final StringProperty applicationId = new SimpleStringProperty(this, "applicationId");
  private final ReadOnlyObjectWrapper<ReviewView> review = new ReadOnlyObjectWrapper<>(this, "review");
  private final ReadOnlyObjectWrapper<Application> application = new ReadOnlyObjectWrapper<>(this, "application");
  private final ReadOnlyObjectWrapper<Permit> permit = new ReadOnlyObjectWrapper<>(this, "permit");
  private final ReadOnlyObjectWrapper<Park> park = new ReadOnlyObjectWrapper<>(this, "park");
  private final ObservableList<PersonLine> people = FXCollections.observableArrayList();
  private final ObservableList<VehicleLine> vehicles = FXCollections.observableArrayList();
  private final ObservableList<GoodsLine> goods = FXCollections.observableArrayList();
  private final ObservableList<Finding> findings = FXCollections.observableArrayList();
  private final ObservableList<Opinion> opinions = FXCollections.observableArrayList();
  private final ObservableList<ApplicationTransition> history = FXCollections.observableArrayList();
  private final ObservableList<Department> callerDepartments = FXCollections.observableArrayList();
  private final ObservableList<Department> opinionDepartments = FXCollections.observableArrayList();
  private final ObservableList<LaneChoice> lanes = FXCollections.observableArrayList();
  private final ObservableList<ZoneChoice> zones = FXCollections.observableArrayList();
  private final ObservableList<FieldReason> reasons = FXCollections.observableArrayList();
  private final StringProperty reasonField = new SimpleStringProperty(this, "reasonField", "");
  private final StringProperty reasonText = new SimpleStringProperty(this, "reasonText", "");
  private final StringProperty note = new SimpleStringProperty(this, "note", "");
  private final StringProperty revocationReason = new SimpleStringProperty(this, "revocationReason", "");
  private final BooleanBinding canDecideFirst;
  private final BooleanBinding canGiveOpinion;
  private final BooleanBinding canRevoke;
  private final List<Consumer<Application>> onDecided = new CopyOnWriteArrayList<>();
  private int loadGeneration;

  public ApplicationReviewViewModel(RegistrationClient client, Clock clock, Executor ui) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.status = new CallStatus(ui);
    applicationId.addListener((o, was, id) -> load());
    canDecideFirst = Bindings.createBooleanBinding(() -> application.get() != null
        && application.get().getState() == ApplicationState.APPLICATION_STATE_UNDER_REVIEW
        && callerDepartments.contains(Department.DEPARTMENT_SAFETY)
        && !status.busyProperty().get(), application, callerDepartments, status.busyProperty());
    canGiveOpinion = Bindings.createBooleanBinding(() -> !opinionDepartments.isEmpty()
        && !status.busyProperty().get(), opinionDepartments, status.busyProperty());
    // reviewers (supervisors) always review for a department; admins only read
    canRevoke = Bindings.createBooleanBinding(() -> permit.get() != null && !permit.get().hasRevocation()
        && !callerDepartments.isEmpty() && !status.busyProperty().get(), permit, callerDepartments,
        status.busyProperty());
  }

  /** The application shown; setting it loads it. */
  public StringProperty applicationIdProperty() {
    return applicationId;
  }

  public ReadOnlyObjectProperty<ReviewView> reviewProperty() {
    return review.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Application> applicationProperty() {
    return application.getReadOnlyProperty();
  }

  /** The permit, once approved. */
  public ReadOnlyObjectProperty<Permit> permitProperty() {
    return permit.getReadOnlyProperty();
  }

  /** The park plan (gate and zone names), once loaded. */
  public ReadOnlyObjectProperty<Park> parkProperty() {
    return park.getReadOnlyProperty();
  }

  public ObservableList<PersonLine> people() {
    return people;
  }

  public ObservableList<VehicleLine> vehicles() {
    return vehicles;
  }

  public ObservableList<GoodsLine> goods() {
    return goods;
  }

  /** Pre-check mistakes, rejection grounds and capacity flags, as the server finds them now. */
  public ObservableList<Finding> findings() {
    return findings;
  }

  /** The joint reviewers' opinions so far. */
  public ObservableList<Opinion> opinions() {
    return opinions;
  }

  /** Every transition, oldest first. */
  public ObservableList<ApplicationTransition> history() {
    return history;
  }

  public ObservableList<Department> callerDepartments() {
    return callerDepartments;
  }

  /** The joint departments the signed-in reviewer may answer for now. */
  public ObservableList<Department> opinionDepartments() {
    return opinionDepartments;
  }

  /** Lanes fitting its vehicles (or pedestrian lanes), ticked for the permit. */
  public ObservableList<LaneChoice> lanes() {
    return lanes;
  }

  /** The zones asked for; core zones start unticked: ticking one authorises it. */
  public ObservableList<ZoneChoice> zones() {
    return zones;
  }

  /** The reasons of a return, rejection or objection being written. */
  public ObservableList<FieldReason> reasons() {
    return reasons;
  }

  /** The field the next reason is about ("content.driver" …); empty: the whole application. */
  public StringProperty reasonFieldProperty() {
    return reasonField;
  }

  public StringProperty reasonTextProperty() {
    return reasonText;
  }

  public StringProperty noteProperty() {
    return note;
  }

  /** Why the permit is being revoked (2..500 characters, checked by the server). */
  public StringProperty revocationReasonProperty() {
    return revocationReason;
  }

  public CallStatus status() {
    return status;
  }

  /** First review: the safety department may approve, return or reject now. */
  public BooleanBinding canDecideFirstProperty() {
    return canDecideFirst;
  }

  public BooleanBinding canGiveOpinionProperty() {
    return canGiveOpinion;
  }

  /** An issued permit not yet revoked, and a reviewer (not a reading admin) looking at it. */
  public BooleanBinding canRevokeProperty() {
    return canRevoke;
  }

  /** Called on the UI thread with the application after each accepted decision. */
  public void addDecisionListener(Consumer<Application> listener) {
    onDecided.add(Objects.requireNonNull(listener, "listener"));
  }

  /** The fields a reason may name in this application, for a picker. */
  public List<String> reasonFields() {
    List<String> fields = new ArrayList<>();
    fields.add("");
    people.forEach(p -> fields.add(p.field()));
    vehicles.forEach(v -> fields.add(v.field()));
    goods.forEach(g -> fields.add(g.field()));
    fields.addAll(List.of("content.window", "content.route", "content.loading_point", "content.purpose"));
    return fields;
  }

  /** Adds the reason being written to the list (nothing when its text is blank). */
  public void addReason() {
    if (!reasonText.get().isBlank()) {
      reasons.add(FieldReason.newBuilder().setField(reasonField.get() == null ? "" : reasonField.get())
          .setReason(reasonText.get().strip()).build());
      reasonText.set("");
    }
  }

  /** Loads (again) the application named by {@link #applicationIdProperty()}. */
  public CompletableFuture<ReviewView> load() {
    int generation = ++loadGeneration;
    String id = applicationId.get();
    if (id == null || id.isBlank()) {
      show(null);
      return CompletableFuture.completedFuture(null);
    }
    if (park.get() == null) {
      status.run(client.park(), p -> {
        park.set(p);
        buildScope(application.get());
      });
    }
    return status.run(client.getForReview(id), view -> {
      if (generation == loadGeneration) {
        show(view);
      }
    });
  }

  // ---- decisions ------------------------------------------------------------------------------

  /** First review passed with the ticked lanes and zones (joint review follows for dangerous goods). */
  public CompletableFuture<Application> approve() {
    Application a = application.get();
    PermitScope.Builder scope = PermitScope.newBuilder();
    lanes.stream().filter(l -> l.selected().get())
        .forEach(l -> scope.addLanes(LaneRef.newBuilder().setGateId(l.gateId()).setLaneId(l.laneId())));
    zones.stream().filter(z -> z.selected().get()).forEach(z -> {
      scope.addZones(z.zoneId());
      if (z.core()) {
        scope.addAuthorisedCoreZones(z.zoneId());
      }
    });
    return decide(client.approve(ApproveRequest.newBuilder().setRequestId(RegistrationClient.requestId())
        .setApplicationId(a.getApplicationId()).setExpectedVersion(a.getVersion()).setNote(note.get())
        .setScope(scope).build()));
  }

  /** Back to the applicant with the reasons written (the server refuses an empty list, naming "reasons"). */
  public CompletableFuture<Application> returnToApplicant() {
    return decide(client.returnToApplicant(reasoned()));
  }

  /** Refused for good with the reasons written. */
  public CompletableFuture<Application> reject() {
    return decide(client.reject(reasoned()));
  }

  /** A joint-review opinion for one department; an objection carries the reasons written. */
  public CompletableFuture<Application> giveOpinion(Department department, boolean agrees) {
    Application a = application.get();
    addReason();
    OpinionRequest.Builder request = OpinionRequest.newBuilder().setRequestId(RegistrationClient.requestId())
        .setApplicationId(a.getApplicationId()).setExpectedVersion(a.getVersion()).setNote(note.get())
        .setDepartment(department).setAgrees(agrees);
    if (!agrees) {
      request.addAllObjections(reasons);
    }
    return decide(client.giveOpinion(request.build()));
  }

  /**
   * Revokes the shown permit with the reason written; the permit then carries its revocation. A
   * missing or too short reason is the server's field error on "reason".
   */
  public CompletableFuture<Permit> revokePermit() {
    Permit p = permit.get();
    if (p == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("no permit shown"));
    }
    String reason = revocationReason.get() == null ? "" : revocationReason.get().strip();
    return status.run(client.revokePermit(RevokePermitRequest.newBuilder().setRequestId(RegistrationClient.requestId())
        .setPermitId(p.getPermitId()).setReason(reason).build()), revoked -> {
          revocationReason.set("");
          if (application.get() != null && revoked.getPermitId().equals(application.get().getPermitId())) {
            permit.set(revoked);
          }
        });
  }

  private ReasonedActionRequest reasoned() {
    Application a = application.get();
    addReason();
    return ReasonedActionRequest.newBuilder().setRequestId(RegistrationClient.requestId())
        .setApplicationId(a.getApplicationId()).setExpectedVersion(a.getVersion()).setNote(note.get())
        .addAllReasons(reasons).build();
  }

  private CompletableFuture<Application> decide(CompletableFuture<Application> call) {
    return status.run(call, decided -> {
      reasons.clear();
      note.set("");
      application.set(decided);
      onDecided.forEach(l -> l.accept(decided));
      load();
    });
  }

  // ---- showing --------------------------------------------------------------------------------

  /** Fills the lines first and sets the application and review last, so that their listeners see it all. */
  private void show(ReviewView view) {
    Application a = view == null ? null : view.getApplication();
    people.clear();
    vehicles.clear();
    goods.clear();
    findings.clear();
    opinions.clear();
    history.clear();
    reasons.clear();
    reasonText.set("");
    revocationReason.set("");
    reasonField.set("");
    if (a == null) {
      callerDepartments.clear();
      opinionDepartments.clear();
      lanes.clear();
      zones.clear();
      permit.set(null);
      application.set(null);
      review.set(null);
      return;
    }
    ApplicationContent c = a.getContent();
    LocalDate mustHoldOn = mustHoldOn(a);
    if (c.hasDriver() && !c.getDriver().getPersonId().isEmpty()) {
      people.add(person(PersonPart.DRIVER, "content.driver", c.getDriver(), mustHoldOn));
    }
    if (c.hasEscort() && !c.getEscort().getPersonId().isEmpty()) {
      people.add(person(PersonPart.ESCORT, "content.escort", c.getEscort(), mustHoldOn));
    }
    for (int i = 0; i < c.getPeopleCount(); i++) {
      people.add(person(PersonPart.PERSON, "content.people[" + i + "]", c.getPeople(i), mustHoldOn));
    }
    for (int i = 0; i < c.getVehiclesCount(); i++) {
      RegistryVehicle v = c.getVehicles(i);
      Optional<LocalDate> expires = v.hasTransportPermit()
          ? ReviewLines.day(v.getTransportPermit().getExpiresOn()) : Optional.empty();
      vehicles.add(new VehicleLine("content.vehicles[" + i + "]", v, expires,
          expires.map(d -> d.isBefore(mustHoldOn)).orElse(false)));
    }
    for (int i = 0; i < c.getGoodsCount(); i++) {
      goods.add(new GoodsLine("content.goods[" + i + "]", c.getGoods(i)));
    }
    view.getMistakesList().forEach(r -> findings.add(Finding.of(Finding.Kind.MISTAKE, r)));
    view.getGroundsList().forEach(r -> findings.add(Finding.of(Finding.Kind.GROUND, r)));
    view.getCapacityFlagsList().forEach(f -> findings.add(Finding.of(f)));
    opinions.setAll(a.getOpinionsList());
    history.setAll(a.getHistoryList());
    callerDepartments.setAll(view.getCallerDepartmentsList());
    Set<Department> mine = callerDepartments.isEmpty() ? EnumSet.noneOf(Department.class)
        : EnumSet.copyOf(callerDepartments);
    opinionDepartments.setAll(a.getState() == ApplicationState.APPLICATION_STATE_JOINT_REVIEW
        ? a.getPendingDepartmentsList().stream().filter(mine::contains).toList() : List.of());
    buildScope(a);
    if (a.getPermitId().isEmpty()) {
      permit.set(null);
    }
    application.set(a);
    review.set(view);
    if (!a.getPermitId().isEmpty()) {
      String permitId = a.getPermitId();
      status.run(client.getPermit(permitId), p -> {
        if (application.get() != null && permitId.equals(application.get().getPermitId())) {
          permit.set(p);
        }
      });
    }
  }

  /** The day a certificate or transport permit must still be valid on: the window's last day, at least today. */
  private LocalDate mustHoldOn(Application a) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ReviewLines.PARK_ZONE);
    if (!a.getContent().hasWindow() || !a.getContent().getWindow().hasUntil()) {
      return today;
    }
    Instant until = Instant.ofEpochSecond(a.getContent().getWindow().getUntil().getSeconds()).minusSeconds(1);
    LocalDate last = LocalDate.ofInstant(until, ReviewLines.PARK_ZONE);
    return last.isAfter(today) ? last : today;
  }

  private static PersonLine person(PersonPart part, String field, RegistryPerson p, LocalDate mustHoldOn) {
    return new PersonLine(part, field, p, p.getCertificatesList().stream()
        .map(c -> CertificateLine.of(c, mustHoldOn)).toList());
  }

  /** The lanes and zones to choose from, once both the application and the park are here. */
  private void buildScope(Application a) {
    Park p = park.get();
    if (a == null || p == null) {
      lanes.clear();
      zones.clear();
      return;
    }
    Set<LaneClass> fitting = fittingLaneClasses(a);
    PermitScope granted = a.getScope();
    List<LaneChoice> laneChoices = new ArrayList<>();
    for (Gate gate : p.getGatesList()) {
      if (!gate.getGuardsZoneId().isEmpty()
          && !a.getContent().getRequestedZonesList().contains(gate.getGuardsZoneId())) {
        continue; // an internal checkpoint only for an application that asks for the core zone it guards
      }
      gate.getLanesList().stream().filter(l -> fitting.contains(l.getLaneClass())).forEach(l -> {
        boolean selected = granted.getLanesCount() == 0 || granted.getLanesList().stream()
            .anyMatch(r -> r.getGateId().equals(gate.getId()) && r.getLaneId().equals(l.getId()));
        laneChoices.add(new LaneChoice(gate.getId(), gate.getName(), l.getId(), l.getLaneClass(), selected));
      });
    }
    lanes.setAll(laneChoices);
    List<ZoneChoice> zoneChoices = new ArrayList<>();
    for (String zoneId : a.getContent().getRequestedZonesList()) {
      Optional<io.cordon.api.v1.ControlZone> zone = p.getZonesList().stream()
          .filter(z -> z.getId().equals(zoneId)).findFirst();
      boolean core = zone.map(z -> z.getZoneClass() == ZoneClass.ZONE_CLASS_CORE).orElse(false);
      zoneChoices.add(new ZoneChoice(zoneId, zone.map(io.cordon.api.v1.ControlZone::getName).orElse(zoneId), core,
          !core || granted.getAuthorisedCoreZonesList().contains(zoneId)));
    }
    zones.setAll(zoneChoices);
  }

  /** Lanes its vehicles may use; pedestrian lanes for people who come on foot. */
  static Set<LaneClass> fittingLaneClasses(Application a) {
    Set<LaneClass> fitting = EnumSet.noneOf(LaneClass.class);
    for (RegistryVehicle v : a.getContent().getVehiclesList()) {
      fitting.add(v.getVehicleClass() == VehicleClass.VEHICLE_CLASS_HAZMAT ? LaneClass.LANE_CLASS_HAZMAT
          : v.getVehicleClass() == VehicleClass.VEHICLE_CLASS_HAZWASTE ? LaneClass.LANE_CLASS_HAZWASTE
          : LaneClass.LANE_CLASS_ORDINARY);
    }
    if (a.getContent().getVehiclesCount() == 0 || a.getContent().getPeopleCount() > 0) {
      fitting.add(LaneClass.LANE_CLASS_PEDESTRIAN);
    }
    return fitting;
  }
}
