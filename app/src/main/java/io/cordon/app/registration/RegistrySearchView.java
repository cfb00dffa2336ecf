package io.cordon.app.registration;

import io.cordon.api.v1.Certificate;
import io.cordon.api.v1.RegistryEnterprise;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.client.registration.RegistrySearchViewModel;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

/** 登记查询: enterprises, people (ID numbers masked) and vehicles of the registry. */
public final class RegistrySearchView {
  static final String VEHICLES_ID = "reg-search-vehicles";
  static final String PEOPLE_ID = "reg-search-people";
  private final RegistrySearchViewModel vm;
  private final RegistrationTexts texts;
  private final BorderPane root = new BorderPane();
  private final TableView<RegistryEnterprise> enterprises = new TableView<>();
  private final TableView<RegistryPerson> people = new TableView<>();
  private final TableView<RegistryVehicle> vehicles = new TableView<>();

  public RegistrySearchView(RegistrySearchViewModel vm, RegistrationTexts texts) {
    this.vm = Objects.requireNonNull(vm, "vm");
    this.texts = Objects.requireNonNull(texts, "texts");
    root.getStyleClass().add(RegistrationStyles.WINDOW);
    root.setTop(bar());
    buildTables();
    StackPane tables = new StackPane(enterprises, people, vehicles);
    Runnable showKind = () -> {
      enterprises.setVisible(vm.kindProperty().get() == RegistrySearchViewModel.Kind.ENTERPRISES);
      people.setVisible(vm.kindProperty().get() == RegistrySearchViewModel.Kind.PEOPLE);
      vehicles.setVisible(vm.kindProperty().get() == RegistrySearchViewModel.Kind.VEHICLES);
    };
    vm.kindProperty().addListener(o -> showKind.run());
    showKind.run();
    root.setCenter(tables);
  }

  public Node root() {
    return root;
  }

  private Node bar() {
    ComboBox<RegistrySearchViewModel.Kind> kind = new ComboBox<>();
    kind.setId("reg-search-kind");
    kind.getItems().setAll(RegistrySearchViewModel.Kind.values());
    kind.setConverter(new StringConverter<>() {
      @Override
      public String toString(RegistrySearchViewModel.Kind k) {
        return k == null ? "" : texts.get("search.kind." + k.name());
      }

      @Override
      public RegistrySearchViewModel.Kind fromString(String s) {
        throw new UnsupportedOperationException();
      }
    });
    kind.valueProperty().bindBidirectional(vm.kindProperty());
    TextField text = new TextField();
    text.setId("reg-search-text");
    text.setPrefColumnCount(22);
    text.promptTextProperty().bind(texts.i18n().text("registration.search.prompt"));
    text.textProperty().bindBidirectional(vm.textProperty());
    text.setOnAction(e -> vm.search());
    TextField enterprise = new TextField();
    enterprise.setPrefColumnCount(10);
    enterprise.promptTextProperty().bind(texts.i18n().text("registration.search.enterprise"));
    enterprise.textProperty().bindBidirectional(vm.enterpriseIdProperty());
    enterprise.setOnAction(e -> vm.search());
    Button search = new Button();
    search.setId("reg-search-go");
    search.getStyleClass().add("primary");
    search.textProperty().bind(texts.i18n().text("registration.search.go"));
    search.setOnAction(e -> vm.search());
    Label error = new Label();
    error.getStyleClass().add(RegistrationStyles.ERROR);
    error.textProperty().bind(texts.i18n().binding(() -> vm.status().failureProperty().get() == null ? ""
        : texts.failure(vm.status().failureProperty().get()), vm.status().failureProperty()));
    HBox bar = new HBox(10, kind, text, enterprise, search, error);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.getStyleClass().add(RegistrationStyles.FILTERS);
    return bar;
  }

  private void buildTables() {
    enterprises.setItems(vm.enterprises());
    enterprises.getColumns().add(column("search.enterprise.id", 100, RegistryEnterprise::getEnterpriseId));
    enterprises.getColumns().add(column("search.enterprise.name", 260, RegistryEnterprise::getName));
    enterprises.getColumns().add(column("search.enterprise.code", 200, RegistryEnterprise::getCreditCode));
    enterprises.getColumns().add(column("search.enterprise.contacts", 260, e -> e.getContactsList().stream()
        .map(c -> c.getName() + "（" + c.getPosition() + "）" + c.getPhone()).collect(Collectors.joining("；"))));
    enterprises.getColumns().add(column("search.enterprise.loading", 140, e -> String.join("、", e.getLoadingPointsList())));
    enterprises.getColumns().add(column("search.enterprise.accounts", 140, e -> String.join("、", e.getApplicantUsernamesList())));

    people.setId(PEOPLE_ID);
    people.setItems(vm.people());
    people.getColumns().add(column("search.person.id", 100, RegistryPerson::getPersonId));
    people.getColumns().add(column("people.name", 100, RegistryPerson::getName));
    people.getColumns().add(column("people.id_number", 190, RegistryPerson::getIdNumber));
    people.getColumns().add(column("people.phone", 120, RegistryPerson::getPhone));
    people.getColumns().add(column("search.person.enterprise", 100, RegistryPerson::getEnterpriseId));
    people.getColumns().add(column("search.person.role", 100, p -> texts.role(p.getRole())));
    people.getColumns().add(column("people.certificates", 420, p -> p.getCertificatesList().stream()
        .map(this::certificate).collect(Collectors.joining("；"))));

    vehicles.setId(VEHICLES_ID);
    vehicles.setItems(vm.vehicles());
    vehicles.getColumns().add(column("vehicles.plate", 110, RegistryVehicle::getPlate));
    vehicles.getColumns().add(column("vehicles.color", 90, v -> texts.plateColor(v.getPlateColor())));
    vehicles.getColumns().add(column("vehicles.class", 130, v -> texts.vehicleClass(v.getVehicleClass())));
    vehicles.getColumns().add(column("vehicles.vin", 200, RegistryVehicle::getVin));
    vehicles.getColumns().add(column("search.vehicle.owner", 100, RegistryVehicle::getOwnerId));
    vehicles.getColumns().add(column("vehicles.permit", 300, v -> v.hasTransportPermit()
        ? v.getTransportPermit().getNumber() + " · " + texts.format("review.expires", v.getTransportPermit().getExpiresOn())
        : "—"));
    for (TableView<?> t : java.util.List.of(enterprises, people, vehicles)) {
      t.getStyleClass().add(RegistrationStyles.TABLE);
      Label empty = new Label();
      empty.getStyleClass().add(RegistrationStyles.MUTED);
      empty.textProperty().bind(texts.i18n().text("registration.search.empty"));
      t.setPlaceholder(empty);
    }
  }

  private String certificate(Certificate c) {
    return texts.certificate(c.getKind()) + (c.getLicenceClass().isEmpty() ? "" : " " + c.getLicenceClass())
        + " " + texts.format("review.expires", c.getExpiresOn());
  }

  private <T> TableColumn<T, String> column(String key, double width, Function<T, String> value) {
    TableColumn<T, String> column = new TableColumn<>();
    column.textProperty().bind(texts.i18n().text("registration." + key));
    column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    column.setPrefWidth(width);
    return column;
  }
}
