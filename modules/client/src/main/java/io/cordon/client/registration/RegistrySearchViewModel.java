package io.cordon.client.registration;

import io.cordon.api.v1.RegistryEnterprise;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.api.v1.SearchRequest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Registry search for reviewers and duty staff: enterprises, people (ID numbers masked by the
 * server) or vehicles matching a text, optionally of one enterprise. UI thread only.
 */
public final class RegistrySearchViewModel {

  public enum Kind { ENTERPRISES, PEOPLE, VEHICLES }

  static final int LIMIT = 200;

  private final RegistrationClient client;
  private final CallStatus status;
  private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind", Kind.PEOPLE);
  private final StringProperty text = new SimpleStringProperty(this, "text", "");
  private final StringProperty enterpriseId = new SimpleStringProperty(this, "enterpriseId", "");
  private final ObservableList<RegistryEnterprise> enterprises = FXCollections.observableArrayList();
  private final ObservableList<RegistryPerson> people = FXCollections.observableArrayList();
  private final ObservableList<RegistryVehicle> vehicles = FXCollections.observableArrayList();

  public RegistrySearchViewModel(RegistrationClient client, Executor ui) {
    this.client = Objects.requireNonNull(client, "client");
    this.status = new CallStatus(ui);
  }

  public ObjectProperty<Kind> kindProperty() {
    return kind;
  }

  /** Ids, names, plates, or an exact ID number; empty: everything (up to the limit). */
  public StringProperty textProperty() {
    return text;
  }

  /** Narrows people and vehicles to one enterprise; empty: all. */
  public StringProperty enterpriseIdProperty() {
    return enterpriseId;
  }

  public ObservableList<RegistryEnterprise> enterprises() {
    return enterprises;
  }

  public ObservableList<RegistryPerson> people() {
    return people;
  }

  public ObservableList<RegistryVehicle> vehicles() {
    return vehicles;
  }

  public CallStatus status() {
    return status;
  }

  /** Searches the chosen kind; the other kinds' results stay as they were. */
  public CompletableFuture<?> search() {
    String trimmed = text.get() == null ? "" : text.get().strip();
    String enterprise = enterpriseId.get() == null ? "" : enterpriseId.get().strip();
    SearchRequest request = SearchRequest.newBuilder().setText(trimmed)
        .setEnterpriseId(kind.get() == Kind.ENTERPRISES ? "" : enterprise).setLimit(LIMIT).build();
    switch (kind.get()) {
      case ENTERPRISES:
        return status.run(client.searchEnterprises(request), r -> enterprises.setAll(r.getEnterprisesList()));
      case VEHICLES:
        return status.run(client.searchVehicles(request), r -> vehicles.setAll(r.getVehiclesList()));
      default:
        return status.run(client.searchPeople(request), r -> people.setAll(r.getPeopleList()));
    }
  }
}
