package io.cordon.app.registration;

import io.cordon.api.v1.Application;
import io.cordon.api.v1.ApplicationContent;
import io.cordon.api.v1.ApplicationTransition;
import io.cordon.api.v1.Department;
import io.cordon.api.v1.FieldReason;
import io.cordon.api.v1.Goods;
import io.cordon.api.v1.Opinion;
import io.cordon.api.v1.Park;
import io.cordon.api.v1.Permit;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.client.registration.ApplicationReviewViewModel;
import io.cordon.client.registration.ReviewLines.CertificateLine;
import io.cordon.client.registration.ReviewLines.Finding;
import io.cordon.client.registration.ReviewLines.LaneChoice;
import io.cordon.client.registration.ReviewLines.PersonLine;
import io.cordon.client.registration.ReviewLines.VehicleLine;
import io.cordon.client.registration.ReviewLines.ZoneChoice;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * One application with everything needed to decide, and the decision bar: the permit's lanes
 * and zones, reasons (each may name the part it is about), approve / return / reject, and the
 * joint-review opinions the reviewer may give. The server's refusal is shown with its fields.
 */
final class ReviewPane {
  static final String APPROVE_ID = "reg-approve";
  static final String RETURN_ID = "reg-return";
  static final String REJECT_ID = "reg-reject";
  static final String ERROR_ID = "reg-error";
  static final String PERMIT_ID = "reg-permit";
  static final String PERMIT_REVOKED_ID = "reg-permit-revoked";
  static final String REVOKE_ID = "reg-revoke";
  static final String REVOKE_REASON_ID = "reg-revoke-reason";

  private final ApplicationReviewViewModel vm;
  private final RegistrationTexts texts;
  private final BorderPane root = new BorderPane();
  private final VBox body = new VBox();
  private final VBox decision = new VBox();
  // the reasons being written: one list and one listener for the pane's life (the editor is rebuilt often)
  private final VBox reasonLines = new VBox(2);

  ReviewPane(ApplicationReviewViewModel vm, RegistrationTexts texts) {
    this.vm = Objects.requireNonNull(vm, "vm");
    this.texts = Objects.requireNonNull(texts, "texts");
    root.getStyleClass().add(RegistrationStyles.REVIEW);
    body.getStyleClass().add(RegistrationStyles.REVIEW_BODY);
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    root.setCenter(scroll);
    decision.getStyleClass().add(RegistrationStyles.DECISION);
    root.setBottom(decision);
    // change listeners: the view model sets the review last, once every line is filled
    vm.reviewProperty().addListener((o, was, now) -> rebuild());
    vm.permitProperty().addListener((o, was, now) -> rebuild());
    vm.parkProperty().addListener((o, was, now) -> rebuild());
    texts.i18n().localeProperty().addListener((o, was, now) -> rebuild());
    InvalidationListener redrawDecision = o -> rebuildDecision();
    vm.lanes().addListener(redrawDecision);
    vm.zones().addListener(redrawDecision);
    vm.opinionDepartments().addListener(redrawDecision);
    vm.canDecideFirstProperty().addListener(redrawDecision);
    vm.reasons().addListener((ListChangeListener<FieldReason>) ch -> showReasons());
    rebuild();
  }

  Node root() {
    return root;
  }

  // ---- the application ------------------------------------------------------------------------

  private void rebuild() {
    body.getChildren().clear();
    Application a = vm.applicationProperty().get();
    if (a == null) {
      body.getChildren().add(muted(texts.get("review.none")));
      rebuildDecision();
      return;
    }
    ApplicationContent c = a.getContent();
    Label title = new Label(texts.kind(a.getKind()) + "  " + a.getApplicationId());
    title.getStyleClass().add(RegistrationStyles.TITLE);
    Label state = new Label(texts.state(a.getState()));
    state.getStyleClass().addAll(RegistrationStyles.CHIP,
        RegistrationStyles.CHIP_STATE_PREFIX + a.getState().name().replace("APPLICATION_STATE_", "").toLowerCase());
    state.setId("reg-review-state");
    HBox head = new HBox(12, title, state);
    head.setAlignment(Pos.CENTER_LEFT);
    if (a.hasReviewDue()) {
      Label due = new Label(texts.format("review.due", texts.time(a.getReviewDue())));
      due.getStyleClass().add(a.getOverdue() ? RegistrationStyles.OVERDUE : RegistrationStyles.MUTED);
      head.getChildren().add(due);
    }
    body.getChildren().add(head);

    GridPane facts = grid();
    row(facts, "review.applicant", enterprise(a.getApplicantEnterpriseId()));
    row(facts, "review.host", enterprise(c.getHost()));
    row(facts, "review.purpose", c.getPurpose());
    row(facts, "review.window", texts.window(c.getWindow()));
    row(facts, "review.route", c.getRoute());
    row(facts, "review.loading_point", c.getLoadingPoint());
    row(facts, "review.zones", String.join("、", c.getRequestedZonesList()));
    row(facts, "review.submitted", texts.time(a.getFirstSubmittedAt()));
    body.getChildren().add(section("review.section.application", facts));

    body.getChildren().add(section("review.section.findings", findings()));
    if (!vm.people().isEmpty()) {
      body.getChildren().add(section("review.section.people", people()));
    }
    if (!vm.vehicles().isEmpty()) {
      body.getChildren().add(section("review.section.vehicles", vehicles()));
    }
    if (!vm.goods().isEmpty()) {
      body.getChildren().add(section("review.section.goods", goods()));
    }
    if (!a.getReasonsList().isEmpty()) {
      body.getChildren().add(section("review.section.reasons", reasons(a.getReasonsList())));
    }
    body.getChildren().add(section("review.section.opinions", opinions(a)));
    if (vm.permitProperty().get() != null) {
      Node permit = section("review.section.permit", permit(vm.permitProperty().get()));
      permit.setId(PERMIT_ID);
      permit.getStyleClass().add(RegistrationStyles.PERMIT);
      body.getChildren().add(2, permit);
    }
    body.getChildren().add(section("review.section.history", history()));
    rebuildDecision();
  }

  private String enterprise(String id) {
    Park park = vm.parkProperty().get();
    if (park == null || id.isEmpty()) {
      return id;
    }
    return park.getEnterprisesList().stream().filter(e -> e.getId().equals(id)).findFirst()
        .map(e -> e.getName() + "（" + id + "）").orElse(id);
  }

  private Node findings() {
    VBox list = new VBox(4);
    if (vm.findings().isEmpty()) {
      Label ok = new Label(texts.get("review.findings.none"));
      ok.getStyleClass().add(RegistrationStyles.OK);
      list.getChildren().add(ok);
    }
    for (Finding f : vm.findings()) {
      Label badge = new Label(texts.get("finding." + f.kind().name()));
      badge.getStyleClass().addAll(RegistrationStyles.CHIP, RegistrationStyles.FINDING_PREFIX + f.kind().name().toLowerCase());
      Label text = value((f.field().isEmpty() ? "" : texts.fieldName(f.field()) + "：") + f.text());
      list.getChildren().add(new HBox(8, badge, text));
    }
    return list;
  }

  /** One block per person: who, masked ID number and phone, then each certificate with its expiry. */
  private Node people() {
    VBox list = new VBox(8);
    for (PersonLine p : vm.people()) {
      String part = p.part() == io.cordon.client.registration.ReviewLines.PersonPart.PERSON
          ? texts.role(p.person().getRole()) : texts.get("part." + p.part().name());
      Label who = value(part + "  " + p.person().getName());
      who.getStyleClass().add(RegistrationStyles.TITLE);
      Label id = value(texts.get("people.id_number") + " " + p.person().getIdNumber() + "    "
          + texts.get("people.phone") + " " + p.person().getPhone());
      HBox head = new HBox(16, who, id);
      head.setAlignment(Pos.BASELINE_LEFT);
      VBox certificates = (VBox) certificates(p.certificates());
      certificates.setPadding(new javafx.geometry.Insets(0, 0, 0, 16));
      list.getChildren().add(new VBox(2, head, certificates));
    }
    return list;
  }

  private Node certificates(List<CertificateLine> lines) {
    VBox box = new VBox(2);
    if (lines.isEmpty()) {
      box.getChildren().add(muted("—"));
    }
    for (CertificateLine c : lines) {
      String cls = c.licenceClass().isEmpty() ? "" : " " + c.licenceClass();
      Label l = value(texts.certificate(c.kind()) + cls + " · " + c.number() + " · "
          + texts.format("review.expires", texts.day(c.expiresOn())));
      if (c.lapses()) {
        l.getStyleClass().add(RegistrationStyles.LAPSED);
      }
      box.getChildren().add(l);
    }
    return box;
  }

  /** One block per vehicle: plate, colour and class, VIN, then its transport permit with the expiry. */
  private Node vehicles() {
    VBox list = new VBox(8);
    for (VehicleLine v : vm.vehicles()) {
      RegistryVehicle x = v.vehicle();
      Label plate = value(x.getPlate());
      plate.getStyleClass().add(RegistrationStyles.TITLE);
      Label what = value(texts.plateColor(x.getPlateColor()) + " · " + texts.vehicleClass(x.getVehicleClass())
          + "    " + texts.get("vehicles.vin") + " " + x.getVin());
      HBox head = new HBox(16, plate, what);
      head.setAlignment(Pos.BASELINE_LEFT);
      Label permit = value(texts.get("vehicles.permit") + " " + (x.hasTransportPermit()
          ? x.getTransportPermit().getNumber() + " · " + texts.format("review.expires", texts.day(v.permitExpiresOn()))
          : "—"));
      if (v.permitLapses()) {
        permit.getStyleClass().add(RegistrationStyles.LAPSED);
      }
      permit.setPadding(new javafx.geometry.Insets(0, 0, 0, 16));
      list.getChildren().add(new VBox(2, head, permit));
    }
    return list;
  }

  private Node goods() {
    GridPane g = grid();
    header(g, "goods.name", "goods.class", "goods.un", "goods.amount", "goods.waste");
    int r = 1;
    for (var line : vm.goods()) {
      Goods x = line.goods();
      g.addRow(r++, value(x.getName()), value(x.getHazardClass()), value(x.getUnNumber()),
          value(x.getAmount() + " " + texts.unit(x.getUnit())), value(x.getWasteCode().isEmpty() ? "—" : x.getWasteCode()));
    }
    return g;
  }

  private Node reasons(List<FieldReason> reasons) {
    VBox box = new VBox(2);
    reasons.forEach(r -> box.getChildren().add(value("• " + texts.fieldName(r.getField()) + "：" + r.getReason())));
    return box;
  }

  private Node opinions(Application a) {
    VBox box = new VBox(4);
    for (Opinion o : a.getOpinionsList()) {
      Label l = value(texts.department(o.getDepartment()) + " · "
          + texts.get(o.getAgrees() ? "opinion.agrees" : "opinion.objects") + " · " + o.getBy() + " · "
          + texts.time(o.getAt()));
      l.getStyleClass().add(o.getAgrees() ? RegistrationStyles.OK : RegistrationStyles.LAPSED);
      box.getChildren().add(l);
      if (!o.getObjectionsList().isEmpty()) {
        box.getChildren().add(reasons(o.getObjectionsList()));
      }
    }
    if (!a.getPendingDepartmentsList().isEmpty()) {
      box.getChildren().add(muted(texts.format("opinion.pending", a.getPendingDepartmentsList().stream()
          .map(texts::department).collect(Collectors.joining("、")))));
    }
    if (box.getChildren().isEmpty()) {
      box.getChildren().add(muted(texts.get("opinion.none")));
    }
    return box;
  }

  private Node permit(Permit p) {
    GridPane g = grid();
    row(g, "permit.id", p.getPermitId());
    row(g, "permit.gates", String.join("、", p.getGateIdsList()));
    row(g, "permit.lanes", p.getScope().getLanesList().stream().map(l -> l.getGateId() + "/" + l.getLaneId())
        .collect(Collectors.joining("、")));
    row(g, "permit.zones", String.join("、", p.getScope().getZonesList()));
    row(g, "permit.window", texts.window(p.getWindow()));
    row(g, "permit.route", p.getRouteId());
    row(g, "permit.vehicles", p.getVehiclesList().stream().map(v -> v.getPlate()).collect(Collectors.joining("、")));
    row(g, "permit.issued", texts.time(p.getIssuedAt()) + " · " + p.getIssuedBy());
    if (p.getExitConfirmationRequired()) {
      row(g, "permit.exit", texts.get("permit.exit.required"));
    }
    if (p.hasRevocation()) {
      row(g, "permit.revoked", texts.time(p.getRevocation().getAt()) + " · " + p.getRevocation().getBy() + " · "
          + p.getRevocation().getReason());
      Label revoked = new Label(texts.get("permit.revoked.chip"));
      revoked.setId(PERMIT_REVOKED_ID);
      revoked.getStyleClass().addAll(RegistrationStyles.CHIP, RegistrationStyles.LAPSED);
      return new VBox(6, revoked, g);
    }
    if (vm.callerDepartments().isEmpty()) {
      return g;
    }
    return new VBox(8, g, revocation());
  }

  /** 吊销通行证: the reason is required; a refusal shows in the decision bar's error line like the others. */
  private Node revocation() {
    TextField reason = new TextField();
    reason.setId(REVOKE_REASON_ID);
    reason.setPromptText(texts.get("permit.revoke.prompt"));
    reason.textProperty().bindBidirectional(vm.revocationReasonProperty());
    HBox.setHgrow(reason, Priority.ALWAYS);
    Button revoke = new Button(texts.get("permit.revoke"));
    revoke.setId(REVOKE_ID);
    revoke.getStyleClass().add("danger");
    revoke.disableProperty().bind(vm.canRevokeProperty().not());
    revoke.setOnAction(e -> vm.revokePermit());
    reason.setOnAction(e -> revoke.fire());
    HBox line = new HBox(8, reason, revoke);
    line.setAlignment(Pos.CENTER_LEFT);
    return line;
  }

  private Node history() {
    GridPane g = grid();
    int r = 0;
    for (ApplicationTransition t : vm.history()) {
      String what = texts.action(t.getAction()) + "  " + texts.state(t.getFrom()) + " → " + texts.state(t.getTo());
      String note = t.getNote() + t.getReasonsList().stream().map(x -> " · " + x.getReason()).collect(Collectors.joining());
      g.addRow(r++, muted(texts.time(t.getAt())), value(what), value(t.getBy()), muted(note));
    }
    return g;
  }

  // ---- the decision bar -----------------------------------------------------------------------

  private void rebuildDecision() {
    decision.getChildren().clear();
    Application a = vm.applicationProperty().get();
    if (a == null) {
      decision.setVisible(false);
      decision.setManaged(false);
      return;
    }
    decision.setVisible(true);
    decision.setManaged(true);
    boolean first = vm.canDecideFirstProperty().get();
    boolean joint = !vm.opinionDepartments().isEmpty();
    if (!first && !joint) {
      decision.getChildren().add(muted(texts.get("decision.nothing")));
      decision.getChildren().add(error());
      return;
    }
    if (first) {
      // one line per gate: its name, then a box per lane
      VBox lanes = new VBox(2);
      java.util.Map<String, FlowPane> byGate = new java.util.LinkedHashMap<>();
      for (LaneChoice l : vm.lanes()) {
        FlowPane gate = byGate.computeIfAbsent(l.gateId(), id -> {
          Label name = new Label(l.gateName() + " " + id);
          name.setMinWidth(230);
          FlowPane line = new FlowPane(10, 2, name);
          lanes.getChildren().add(line);
          return line;
        });
        CheckBox box = new CheckBox(l.laneId());
        box.setId("reg-lane-" + l.gateId() + "-" + l.laneId());
        box.selectedProperty().bindBidirectional(l.selected());
        gate.getChildren().add(box);
      }
      if (vm.lanes().isEmpty()) {
        lanes.getChildren().add(muted(texts.get("decision.lanes.none")));
      }
      decision.getChildren().add(labelled("decision.lanes", lanes));
      if (!vm.zones().isEmpty()) {
        FlowPane zones = new FlowPane(12, 4);
        for (ZoneChoice z : vm.zones()) {
          CheckBox box = new CheckBox(z.name() + (z.core() ? " · " + texts.get("decision.core") : ""));
          box.selectedProperty().bindBidirectional(z.selected());
          zones.getChildren().add(box);
        }
        decision.getChildren().add(labelled("decision.zones", zones));
      }
    }
    decision.getChildren().add(reasonEditor());
    HBox buttons = new HBox(10);
    buttons.setAlignment(Pos.CENTER_LEFT);
    if (first) {
      Button approve = button(APPROVE_ID, "decision.approve", vm::approve);
      approve.getStyleClass().add(RegistrationStyles.APPROVE);
      buttons.getChildren().addAll(approve, button(RETURN_ID, "decision.return", vm::returnToApplicant),
          button(REJECT_ID, "decision.reject", vm::reject));
      buttons.getChildren().get(2).getStyleClass().add("danger");
    }
    for (Department d : vm.opinionDepartments()) {
      String name = d.name().replace("DEPARTMENT_", "");
      Button agree = new Button(texts.format("decision.agree", texts.department(d)));
      agree.setId("reg-agree-" + name);
      agree.getStyleClass().add(RegistrationStyles.APPROVE);
      agree.disableProperty().bind(vm.canGiveOpinionProperty().not());
      agree.setOnAction(e -> vm.giveOpinion(d, true));
      Button object = new Button(texts.format("decision.object", texts.department(d)));
      object.setId("reg-object-" + name);
      object.disableProperty().bind(vm.canGiveOpinionProperty().not());
      object.setOnAction(e -> vm.giveOpinion(d, false));
      buttons.getChildren().addAll(agree, object);
    }
    decision.getChildren().addAll(buttons, error());
  }

  private Node reasonEditor() {
    ComboBox<String> field = new ComboBox<>();
    field.setId("reg-reason-field");
    field.getItems().setAll(vm.reasonFields());
    field.setConverter(new StringConverter<>() {
      @Override
      public String toString(String value) {
        return texts.fieldName(value);
      }

      @Override
      public String fromString(String string) {
        return string;
      }
    });
    field.valueProperty().bindBidirectional(vm.reasonFieldProperty());
    TextField reason = new TextField();
    reason.setId("reg-reason-text");
    reason.setPromptText(texts.get("decision.reason.prompt"));
    reason.textProperty().bindBidirectional(vm.reasonTextProperty());
    HBox.setHgrow(reason, Priority.ALWAYS);
    Button add = new Button(texts.get("decision.reason.add"));
    add.setId("reg-reason-add");
    add.setOnAction(e -> vm.addReason());
    reason.setOnAction(e -> vm.addReason());
    showReasons();
    HBox line = new HBox(8, field, reason, add);
    line.setAlignment(Pos.CENTER_LEFT);
    return labelled("decision.reasons", new VBox(4, line, reasonLines));
  }

  private void showReasons() {
    reasonLines.getChildren().setAll(vm.reasons().stream()
        .map(r -> (Node) value("• " + texts.fieldName(r.getField()) + "：" + r.getReason())).toList());
  }

  private Label error() {
    Label error = new Label();
    error.setId(ERROR_ID);
    error.setWrapText(true);
    error.getStyleClass().add(RegistrationStyles.ERROR);
    error.textProperty().bind(texts.i18n().binding(() -> vm.status().failureProperty().get() == null ? ""
        : texts.failure(vm.status().failureProperty().get()), vm.status().failureProperty()));
    error.managedProperty().bind(error.textProperty().isNotEmpty());
    return error;
  }

  private Button button(String id, String key, Runnable action) {
    Button b = new Button(texts.get(key));
    b.setId(id);
    b.disableProperty().bind(vm.canDecideFirstProperty().not());
    b.setOnAction(e -> action.run());
    return b;
  }

  // ---- small pieces ---------------------------------------------------------------------------

  private Node section(String key, Node content) {
    Label title = new Label(texts.get(key));
    title.getStyleClass().add(RegistrationStyles.SECTION_TITLE);
    VBox box = new VBox(6, title, content);
    box.getStyleClass().add(RegistrationStyles.SECTION);
    return box;
  }

  private Node labelled(String key, Node content) {
    Label label = new Label(texts.get(key));
    label.getStyleClass().add(RegistrationStyles.KEY);
    label.setMinWidth(72);
    HBox box = new HBox(10, label, content);
    HBox.setHgrow(content, Priority.ALWAYS);
    box.setAlignment(Pos.TOP_LEFT);
    return box;
  }

  private static GridPane grid() {
    GridPane g = new GridPane();
    g.setHgap(14);
    g.setVgap(4);
    g.getStyleClass().add(RegistrationStyles.GRID);
    return g;
  }

  private void row(GridPane g, String key, String value) {
    Label k = new Label(texts.get(key));
    k.getStyleClass().add(RegistrationStyles.KEY);
    k.setMinWidth(72);
    Label v = value(value == null || value.isEmpty() ? "—" : value);
    v.setWrapText(true);
    g.addRow(g.getRowCount(), k, v);
    if (g.getColumnConstraints().isEmpty()) {
      ColumnConstraints keys = new ColumnConstraints();
      keys.setMinWidth(80);
      g.getColumnConstraints().add(keys);
    }
  }

  private void header(GridPane g, String... keys) {
    for (int i = 0; i < keys.length; i++) {
      Label h = new Label(texts.get(keys[i]));
      h.getStyleClass().add(RegistrationStyles.KEY);
      g.add(h, i, 0);
    }
  }

  private static Label value(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(RegistrationStyles.VALUE);
    return l;
  }

  private static Label muted(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(RegistrationStyles.MUTED);
    l.setWrapText(true);
    return l;
  }

}
