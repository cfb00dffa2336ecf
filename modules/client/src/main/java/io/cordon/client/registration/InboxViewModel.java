package io.cordon.client.registration;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.ApplicationKind;
import io.cordon.api.v1.ApplicationState;
import io.cordon.api.v1.Department;
import io.cordon.api.v1.Event;
import io.cordon.api.v1.InboxRequest;
import io.cordon.api.v1.InboxResponse;
import io.cordon.client.event.EventFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The reviewers' approvals inbox: what waits for review (ReviewService.Inbox), filtered here by
 * kind, stage (the department whose step is pending), overdue only and free text, oldest due
 * first, each row with an SLA timer that {@link #tick()} advances on the server's clock. As an
 * {@link EventFeed.Listener} it reloads when an application changes anywhere. UI thread only.
 */
public final class InboxViewModel implements EventFeed.Listener {

  /** Whose step an application waits for. */
  public enum Stage {
    ALL,
    /** SUBMITTED: the host enterprise confirms first. */
    ENTERPRISE_CONFIRMATION,
    /** UNDER_REVIEW: the safety department's first review. */
    SAFETY,
    /** JOINT_REVIEW still waiting for emergency management. */
    EMERGENCY_MANAGEMENT,
    /** JOINT_REVIEW still waiting for environmental protection. */
    ENVIRONMENTAL_PROTECTION;

    boolean admits(InboxRow row) {
      switch (this) {
        case ENTERPRISE_CONFIRMATION:
          return row.state() == ApplicationState.APPLICATION_STATE_SUBMITTED;
        case SAFETY:
          return row.state() == ApplicationState.APPLICATION_STATE_UNDER_REVIEW;
        case EMERGENCY_MANAGEMENT:
          return row.state() == ApplicationState.APPLICATION_STATE_JOINT_REVIEW
              && row.pendingDepartments().contains(Department.DEPARTMENT_EMERGENCY_MANAGEMENT);
        case ENVIRONMENTAL_PROTECTION:
          return row.state() == ApplicationState.APPLICATION_STATE_JOINT_REVIEW
              && row.pendingDepartments().contains(Department.DEPARTMENT_ENVIRONMENTAL_PROTECTION);
        default:
          return true;
      }
    }
  }

  static final int LIMIT = 500;

  private final RegistrationClient client;
  private final Clock clock;
  private final CallStatus status;
  private final List<InboxRow> all = new ArrayList<>();
  private final ObservableList<InboxRow> rows = FXCollections.observableArrayList();
  private final ObjectProperty<ApplicationKind> kind = new SimpleObjectProperty<>(this, "kind");
  private final ObjectProperty<Stage> stage = new SimpleObjectProperty<>(this, "stage", Stage.ALL);
  private final BooleanProperty overdueOnly = new SimpleBooleanProperty(this, "overdueOnly");
  private final BooleanProperty mineOnly = new SimpleBooleanProperty(this, "mineOnly");
  private final StringProperty text = new SimpleStringProperty(this, "text", "");
  private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(this, "now");
  private Duration serverOffset = Duration.ZERO;
  private boolean reloadAgain;

  public InboxViewModel(RegistrationClient client, Clock clock, Executor ui) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.status = new CallStatus(ui);
    now.set(clock.instant());
    kind.addListener(o -> applyFilters());
    stage.addListener(o -> applyFilters());
    overdueOnly.addListener(o -> applyFilters());
    text.addListener(o -> applyFilters());
    mineOnly.addListener(o -> refresh());
  }

  /** The shown rows, oldest due first. */
  public ObservableList<InboxRow> rows() {
    return FXCollections.unmodifiableObservableList(rows);
  }

  /** Null: every kind. */
  public ObjectProperty<ApplicationKind> kindProperty() {
    return kind;
  }

  public ObjectProperty<Stage> stageProperty() {
    return stage;
  }

  public BooleanProperty overdueOnlyProperty() {
    return overdueOnly;
  }

  /** Only the steps the signed-in reviewer's departments can take now (asked of the server). */
  public BooleanProperty mineOnlyProperty() {
    return mineOnly;
  }

  public StringProperty textProperty() {
    return text;
  }

  /** The server's time now, for the SLA timers; advanced by {@link #tick()}. */
  public ReadOnlyObjectProperty<Instant> nowProperty() {
    return now.getReadOnlyProperty();
  }

  public CallStatus status() {
    return status;
  }

  /** One row's timer now. */
  public InboxRow.Sla sla(InboxRow row) {
    return row.sla(now.get());
  }

  /** Advances the timers (the view calls it every second). */
  public void tick() {
    now.set(clock.instant().plus(serverOffset));
    if (overdueOnly.get()) {
      applyFilters();
    }
  }

  /** Loads the inbox again; a reload asked for while one runs follows it. */
  public CompletableFuture<InboxResponse> refresh() {
    if (status.busyProperty().get()) {
      reloadAgain = true;
      return CompletableFuture.completedFuture(null);
    }
    InboxRequest request = InboxRequest.newBuilder().setMineOnly(mineOnly.get()).setLimit(LIMIT).build();
    return status.run(client.inbox(request), this::show).whenComplete((r, e) -> {
      if (reloadAgain) {
        reloadAgain = false;
        refresh();
      }
    });
  }

  /** Reloads when an application or permit changed (new submissions, others' decisions). */
  @Override
  public void onEvents(List<Event> batch) {
    if (batch.stream().anyMatch(e -> e.getType().startsWith("application.") || e.getType().startsWith("permit."))) {
      refresh();
    }
  }

  private void show(InboxResponse response) {
    if (response.hasNow()) {
      Timestamp t = response.getNow();
      serverOffset = Duration.between(clock.instant(), Instant.ofEpochSecond(t.getSeconds(), t.getNanos()));
    }
    now.set(clock.instant().plus(serverOffset));
    all.clear();
    response.getItemsList().forEach(item -> all.add(new InboxRow(item)));
    applyFilters();
  }

  private void applyFilters() {
    Instant at = now.get();
    List<InboxRow> shown = all.stream()
        .filter(r -> kind.get() == null || r.kind() == kind.get())
        .filter(r -> stage.get() == null || stage.get().admits(r))
        .filter(r -> !overdueOnly.get() || r.sla(at).overdue())
        .filter(r -> r.matches(text.get()))
        .sorted(Comparator.comparing((InboxRow r) -> r.due().orElse(Instant.MAX)).thenComparing(InboxRow::id))
        .toList();
    if (!shown.equals(rows)) {
      rows.setAll(shown);
    }
  }
}
