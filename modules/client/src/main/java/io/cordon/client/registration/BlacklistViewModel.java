package io.cordon.client.registration;

import com.google.protobuf.Timestamp;
import io.cordon.api.v1.Appeal;
import io.cordon.api.v1.BlacklistEntry;
import io.cordon.api.v1.DecideAppealRequest;
import io.cordon.api.v1.LiftRequest;
import io.cordon.api.v1.ListAppealsRequest;
import io.cordon.api.v1.ListBlacklistRequest;
import io.cordon.api.v1.ListViolationsRequest;
import io.cordon.api.v1.RecordViolationRequest;
import io.cordon.api.v1.Violation;
import io.cordon.api.v1.ViolationKind;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
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
 * The blacklist and violations screen: entries with their expiry (lift one with a reason),
 * violations with the sanctions the penalty ladder gave, recording a violation, and appeals to
 * grant or dismiss. Failures keep the server's field errors in {@link #status()}. UI thread only.
 */
public final class BlacklistViewModel {

  private final RegistrationClient client;
  private final Clock clock;
  private final CallStatus status;
  private final ObservableList<BlacklistEntry> entries = FXCollections.observableArrayList();
  private final ObservableList<Violation> violations = FXCollections.observableArrayList();
  private final ObservableList<Appeal> appeals = FXCollections.observableArrayList();
  private final BooleanProperty includeInactive = new SimpleBooleanProperty(this, "includeInactive");
  private final ReadOnlyObjectWrapper<Violation> lastRecorded = new ReadOnlyObjectWrapper<>(this, "lastRecorded");
  // the violation being recorded
  private final ObjectProperty<ViolationKind> violationKind =
      new SimpleObjectProperty<>(this, "violationKind", ViolationKind.VIOLATION_KIND_FALSE_DECLARATION);
  private final StringProperty personId = new SimpleStringProperty(this, "personId", "");
  private final StringProperty plate = new SimpleStringProperty(this, "plate", "");
  private final StringProperty enterpriseId = new SimpleStringProperty(this, "enterpriseId", "");
  private final StringProperty gateId = new SimpleStringProperty(this, "gateId", "");
  private final StringProperty description = new SimpleStringProperty(this, "description", "");
  private final StringProperty evidence = new SimpleStringProperty(this, "evidence", "");
  private final BooleanProperty serious = new SimpleBooleanProperty(this, "serious");

  public BlacklistViewModel(RegistrationClient client, Clock clock, Executor ui) {
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.status = new CallStatus(ui);
    includeInactive.addListener(o -> refresh());
  }

  public ObservableList<BlacklistEntry> entries() {
    return entries;
  }

  public ObservableList<Violation> violations() {
    return violations;
  }

  public ObservableList<Appeal> appeals() {
    return appeals;
  }

  /** Also lifted and expired entries. */
  public BooleanProperty includeInactiveProperty() {
    return includeInactive;
  }

  public ReadOnlyObjectProperty<Violation> lastRecordedProperty() {
    return lastRecorded.getReadOnlyProperty();
  }

  public ObjectProperty<ViolationKind> violationKindProperty() {
    return violationKind;
  }

  public StringProperty personIdProperty() {
    return personId;
  }

  public StringProperty plateProperty() {
    return plate;
  }

  public StringProperty enterpriseIdProperty() {
    return enterpriseId;
  }

  public StringProperty gateIdProperty() {
    return gateId;
  }

  public StringProperty descriptionProperty() {
    return description;
  }

  /** Evidence references (media keys, URIs), separated by commas or new lines. */
  public StringProperty evidenceProperty() {
    return evidence;
  }

  public BooleanProperty seriousProperty() {
    return serious;
  }

  public CallStatus status() {
    return status;
  }

  /** Reloads entries, violations and appeals. */
  public CompletableFuture<?> refresh() {
    return CompletableFuture.allOf(
        status.run(client.listBlacklist(ListBlacklistRequest.newBuilder().setIncludeInactive(includeInactive.get())
            .build()), r -> entries.setAll(r.getEntriesList())),
        status.run(client.listViolations(ListViolationsRequest.getDefaultInstance()),
            r -> violations.setAll(r.getViolationsList())),
        status.run(client.listAppeals(ListAppealsRequest.getDefaultInstance()), r -> appeals.setAll(r.getAppealsList())));
  }

  /** Records the violation written in the form (happened now); the ladder's sanctions come back in it. */
  public CompletableFuture<Violation> recordViolation() {
    Instant now = clock.instant();
    RecordViolationRequest.Builder request = RecordViolationRequest.newBuilder()
        .setRequestId(RegistrationClient.requestId()).setKind(violationKind.get())
        .setAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
        .setPersonId(personId.get().strip()).setPlate(plate.get().strip()).setEnterpriseId(enterpriseId.get().strip())
        .setGateId(gateId.get().strip()).setDescription(description.get().strip()).setSerious(serious.get());
    Arrays.stream(evidence.get().split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty())
        .forEach(request::addEvidence);
    return status.run(client.recordViolation(request.build()), v -> {
      lastRecorded.set(v);
      personId.set("");
      plate.set("");
      enterpriseId.set("");
      gateId.set("");
      description.set("");
      evidence.set("");
      serious.set(false);
      refresh();
    });
  }

  /** Lifts an entry before its expiry, with the reason (2..500 characters, checked by the server). */
  public CompletableFuture<BlacklistEntry> lift(String entryId, String reason) {
    return status.run(client.lift(LiftRequest.newBuilder().setRequestId(RegistrationClient.requestId())
        .setEntryId(entryId).setReason(reason == null ? "" : reason.strip()).build()), e -> refresh());
  }

  /** Grants (overturns the violation, lifts its entries) or dismisses an appeal, with a note. */
  public CompletableFuture<Appeal> decideAppeal(String appealId, boolean grant, String note) {
    return status.run(client.decideAppeal(DecideAppealRequest.newBuilder().setRequestId(RegistrationClient.requestId())
        .setAppealId(appealId).setGrant(grant).setNote(note == null ? "" : note.strip()).build()), a -> refresh());
  }

  /** Whether an entry applies at {@code now}: active and not past its expiry. */
  public static boolean inForce(BlacklistEntry entry, Instant now) {
    return entry.getActive() && (!entry.hasUntil() || Instant.ofEpochSecond(entry.getUntil().getSeconds()).isAfter(now));
  }
}
