package io.cordon.client.track;

import io.cordon.api.v1.ActiveViolation;
import io.cordon.api.v1.Permit;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.Trip;
import io.cordon.api.v1.TripState;
import io.cordon.client.command.Command;
import io.cordon.client.command.SimpleCommand;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The vehicle panel (车辆信息): who the vehicle is, what it carries and under which permit, who
 * drives and escorts it, where it is now and which rules it breaks — from {@code
 * TripService.GetVehicle}, loaded for a plate (or "终端:&lt;number&gt;" for an unbound terminal) and
 * refreshed on demand. An answer for a plate the panel no longer shows is dropped. Observable
 * state changes on the UI executor only.
 */
public final class VehiclePanelViewModel {
  /** The park's local time, in which operators read permit windows. */
  public static final ZoneId PARK_ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final TripClient client;
  private final Executor ui;
  private final ZoneId zone;

  private final ReadOnlyStringWrapper plate = new ReadOnlyStringWrapper(this, "plate", "");
  private final ReadOnlyObjectWrapper<PlateColor> plateColor = new ReadOnlyObjectWrapper<>(this, "plateColor");
  private final ReadOnlyObjectWrapper<VehicleClass> vehicleClass = new ReadOnlyObjectWrapper<>(this, "vehicleClass");
  private final ReadOnlyBooleanWrapper unbound = new ReadOnlyBooleanWrapper(this, "unbound");
  private final ReadOnlyStringWrapper terminalNumber = new ReadOnlyStringWrapper(this, "terminalNumber", "");
  private final ReadOnlyStringWrapper tripId = new ReadOnlyStringWrapper(this, "tripId", "");
  private final ReadOnlyBooleanWrapper tripOpen = new ReadOnlyBooleanWrapper(this, "tripOpen");
  private final ReadOnlyStringWrapper permitId = new ReadOnlyStringWrapper(this, "permitId", "");
  private final ReadOnlyObjectWrapper<Instant> permitFrom = new ReadOnlyObjectWrapper<>(this, "permitFrom");
  private final ReadOnlyObjectWrapper<Instant> permitUntil = new ReadOnlyObjectWrapper<>(this, "permitUntil");
  private final ReadOnlyStringWrapper permitWindow = new ReadOnlyStringWrapper(this, "permitWindow", "");
  private final ReadOnlyStringWrapper route = new ReadOnlyStringWrapper(this, "route", "");
  private final ReadOnlyStringWrapper loadingPoint = new ReadOnlyStringWrapper(this, "loadingPoint", "");
  private final ObservableList<GoodsLine> goods = FXCollections.observableArrayList();
  private final ObservableList<GoodsLine> goodsReadOnly = FXCollections.unmodifiableObservableList(goods);
  private final ReadOnlyObjectWrapper<PersonLine> driver = new ReadOnlyObjectWrapper<>(this, "driver", PersonLine.NONE);
  private final ReadOnlyObjectWrapper<PersonLine> escort = new ReadOnlyObjectWrapper<>(this, "escort", PersonLine.NONE);
  private final ReadOnlyStringWrapper host = new ReadOnlyStringWrapper(this, "host", "");
  private final ReadOnlyBooleanWrapper hasPosition = new ReadOnlyBooleanWrapper(this, "hasPosition");
  private final ReadOnlyDoubleWrapper speedKmh = new ReadOnlyDoubleWrapper(this, "speedKmh");
  private final ReadOnlyDoubleWrapper headingDeg = new ReadOnlyDoubleWrapper(this, "headingDeg");
  private final ReadOnlyDoubleWrapper lon = new ReadOnlyDoubleWrapper(this, "lon");
  private final ReadOnlyDoubleWrapper lat = new ReadOnlyDoubleWrapper(this, "lat");
  private final ReadOnlyObjectWrapper<Instant> positionTime = new ReadOnlyObjectWrapper<>(this, "positionTime");
  private final ReadOnlyStringWrapper road = new ReadOnlyStringWrapper(this, "road", "");
  private final ReadOnlyDoubleWrapper speedLimitKmh = new ReadOnlyDoubleWrapper(this, "speedLimitKmh");
  private final ReadOnlyStringWrapper zoneId = new ReadOnlyStringWrapper(this, "zoneId", "");
  private final ReadOnlyBooleanWrapper inParkingLot = new ReadOnlyBooleanWrapper(this, "inParkingLot");
  private final ObservableList<ViolationLine> violations = FXCollections.observableArrayList();
  private final ObservableList<ViolationLine> violationsReadOnly = FXCollections.unmodifiableObservableList(violations);
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
  private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper(this, "loaded");
  private final ReadOnlyStringWrapper errorKey = new ReadOnlyStringWrapper(this, "errorKey", "");
  private final Command refreshCommand;

  // UI thread only
  private long generation;

  public VehiclePanelViewModel(TripClient client, Executor ui) {
    this(client, ui, PARK_ZONE);
  }

  /** @param zone the time zone permit windows are written in */
  public VehiclePanelViewModel(TripClient client, Executor ui, ZoneId zone) {
    this.client = Objects.requireNonNull(client, "client");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.zone = Objects.requireNonNull(zone, "zone");
    refreshCommand = SimpleCommand.of(this::refresh,
        Bindings.createBooleanBinding(() -> !plate.get().isEmpty() && !loading.get(), plate, loading));
  }

  /** Shows another vehicle: clears the panel and loads it. Call on the UI thread. */
  public void load(String plateOrTerminal) {
    String wanted = Objects.requireNonNull(plateOrTerminal, "plate").strip();
    if (!wanted.equals(plate.get())) {
      clear();
      plate.set(wanted);
    }
    refresh();
  }

  /** Loads the shown vehicle again. Call on the UI thread. */
  public void refresh() {
    String wanted = plate.get();
    if (wanted.isEmpty()) {
      return;
    }
    long gen = ++generation;
    loading.set(true);
    client.getVehicle(wanted).whenComplete((vehicle, error) -> ui.execute(() -> {
      if (gen != generation) {
        return; // the operator moved on to another vehicle, or refreshed again
      }
      loading.set(false);
      if (error != null) {
        errorKey.set(TrackErrors.keyOf(error));
      } else {
        errorKey.set("");
        show(vehicle);
      }
    }));
  }

  private void clear() {
    generation++;
    loading.set(false);
    loaded.set(false);
    errorKey.set("");
    show(io.cordon.api.v1.TrackedVehicle.getDefaultInstance());
    loaded.set(false);
  }

  private void show(io.cordon.api.v1.TrackedVehicle v) {
    plateColor.set(Protos.plateColor(v.getPlateColor()));
    vehicleClass.set(Protos.vehicleClass(v.getVehicleClass()));
    unbound.set(v.getUnbound());
    Trip trip = v.getTrip();
    terminalNumber.set(trip.getTerminalNumber());
    tripId.set(trip.getTripId());
    tripOpen.set(v.hasTrip() && trip.getState() == TripState.TRIP_STATE_OPEN);
    Permit permit = v.getPermit();
    permitId.set(v.hasPermit() ? permit.getPermitId() : trip.getPermitId());
    Instant from = v.hasPermit() && permit.getWindow().hasFrom() ? TripClient.instant(permit.getWindow().getFrom()) : null;
    Instant until = v.hasPermit() && permit.getWindow().hasUntil() ? TripClient.instant(permit.getWindow().getUntil()) : null;
    permitFrom.set(from);
    permitUntil.set(until);
    permitWindow.set(window(from, until));
    route.set(permit.getRouteId());
    loadingPoint.set(permit.getLoadingPoint());
    List<GoodsLine> lines = new ArrayList<>(v.getGoodsCount());
    v.getGoodsList().forEach(g -> lines.add(GoodsLine.of(g)));
    goods.setAll(lines);
    driver.set(person(v.hasDriver(), v.getDriver()));
    escort.set(person(v.hasEscort(), v.getEscort()));
    host.set(v.getHostEnterpriseName());
    hasPosition.set(v.hasCurrent());
    speedKmh.set(v.getCurrent().getSpeedKmh());
    headingDeg.set(v.getCurrent().getHeadingDeg());
    lon.set(v.getCurrent().getPosition().getLon());
    lat.set(v.getCurrent().getPosition().getLat());
    positionTime.set(v.hasCurrent() && v.getCurrent().hasTime() ? TripClient.instant(v.getCurrent().getTime()) : null);
    road.set(v.getRoad());
    speedLimitKmh.set(v.getSpeedLimitKmh());
    zoneId.set(v.getZoneId());
    inParkingLot.set(v.getInParkingLot());
    List<ViolationLine> active = new ArrayList<>(v.getViolationsCount());
    for (ActiveViolation a : v.getViolationsList()) {
      active.add(new ViolationLine(a.getRule(), Protos.alarmType(a.getAlarmType()),
          a.hasSince() ? TripClient.instant(a.getSince()) : null, a.getPlace(), new TreeMap<>(a.getParametersMap()),
          a.getAlarmId()));
    }
    violations.setAll(active);
    loaded.set(true);
  }

  private static PersonLine person(boolean present, RegistryPerson p) {
    return present ? new PersonLine(p.getPersonId(), p.getName(), p.getPhone()) : PersonLine.NONE;
  }

  /** "2024-05-01 08:00 – 18:00", or with the end's date when it ends on another day; empty if unknown. */
  private String window(Instant from, Instant until) {
    if (from == null || until == null) {
      return "";
    }
    ZonedDateTime a = from.atZone(zone);
    ZonedDateTime b = until.atZone(zone);
    return DAY_TIME.format(a) + " – " + (a.toLocalDate().equals(b.toLocalDate()) ? TIME : DAY_TIME).format(b);
  }

  public Command refreshCommand() {
    return refreshCommand;
  }

  /** The plate shown (or "终端:&lt;number&gt;" for an unbound terminal). */
  public ReadOnlyStringProperty plateProperty() {
    return plate.getReadOnlyProperty();
  }

  /** Null until loaded or when the server sent a value this client does not know. */
  public ReadOnlyObjectProperty<PlateColor> plateColorProperty() {
    return plateColor.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<VehicleClass> vehicleClassProperty() {
    return vehicleClass.getReadOnlyProperty();
  }

  /** The positions come from a terminal bound to no vehicle. */
  public ReadOnlyBooleanProperty unboundProperty() {
    return unbound.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty terminalNumberProperty() {
    return terminalNumber.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty tripIdProperty() {
    return tripId.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty tripOpenProperty() {
    return tripOpen.getReadOnlyProperty();
  }

  /** Empty: the vehicle has no permit. */
  public ReadOnlyStringProperty permitIdProperty() {
    return permitId.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Instant> permitFromProperty() {
    return permitFrom.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Instant> permitUntilProperty() {
    return permitUntil.getReadOnlyProperty();
  }

  /** The permit's time window in park time, e.g. "2024-05-01 08:00 – 18:00"; empty if none. */
  public ReadOnlyStringProperty permitWindowProperty() {
    return permitWindow.getReadOnlyProperty();
  }

  /** The permit's route, road ids separated by "&gt;"; empty = the dedicated-road default corridor. */
  public ReadOnlyStringProperty routeProperty() {
    return route.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty loadingPointProperty() {
    return loadingPoint.getReadOnlyProperty();
  }

  /** "UN1203 汽油 3类 28.5 t", one per kind of goods. */
  public ObservableList<GoodsLine> goods() {
    return goodsReadOnly;
  }

  public ReadOnlyObjectProperty<PersonLine> driverProperty() {
    return driver.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<PersonLine> escortProperty() {
    return escort.getReadOnlyProperty();
  }

  /** The host enterprise's name. */
  public ReadOnlyStringProperty hostProperty() {
    return host.getReadOnlyProperty();
  }

  /** Whether a fix is known; the position properties are zero until then. */
  public ReadOnlyBooleanProperty hasPositionProperty() {
    return hasPosition.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty speedKmhProperty() {
    return speedKmh.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty headingDegProperty() {
    return headingDeg.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty lonProperty() {
    return lon.getReadOnlyProperty();
  }

  public ReadOnlyDoubleProperty latProperty() {
    return lat.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Instant> positionTimeProperty() {
    return positionTime.getReadOnlyProperty();
  }

  /** The road under the vehicle, empty if none. */
  public ReadOnlyStringProperty roadProperty() {
    return road.getReadOnlyProperty();
  }

  /** That road's limit, km/h; 0 = unknown. */
  public ReadOnlyDoubleProperty speedLimitKmhProperty() {
    return speedLimitKmh.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty zoneIdProperty() {
    return zoneId.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty inParkingLotProperty() {
    return inParkingLot.getReadOnlyProperty();
  }

  /** The rules broken now, with since and parameters. */
  public ObservableList<ViolationLine> violations() {
    return violationsReadOnly;
  }

  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }

  /** True once an answer for the shown plate arrived. */
  public ReadOnlyBooleanProperty loadedProperty() {
    return loaded.getReadOnlyProperty();
  }

  /** Why the last load failed ({@link TrackErrors}); empty after a success. */
  public ReadOnlyStringProperty errorKeyProperty() {
    return errorKey.getReadOnlyProperty();
  }
}
