package io.cordon.domain.appointment;

import io.cordon.domain.hazmat.Goods;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.ZoneId;
import io.cordon.domain.permit.RouteId;
import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.registry.Person;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.registry.RegisteredVehicle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an application asks for. People and vehicles are snapshots of the registry (or, for visitors,
 * of the form) as submitted: what was reviewed is what is kept. Which parts a kind needs is in
 * {@link KindRules#required()}.
 *
 * @param host the enterprise in the park that is visited, employs the staff or receives the goods
 * @param purpose 来访事由 / 入园事由, free text
 * @param people visitors, staff or construction workers
 * @param vehicles the vehicles; exactly one on a delivery
 * @param driver the driver of a delivery
 * @param escort the escort (押运员) of a dangerous-goods delivery
 * @param goods declared dangerous goods
 * @param window when they come (for a registration: its validity)
 * @param route planned route of a dangerous-goods vehicle
 * @param loadingPoint the host's loading point (装卸货地点)
 * @param requestedZones the zones the applicant asks for; the reviewer grants the permit's scope
 */
public record ApplicationContent(EnterpriseId host, String purpose, List<Person> people,
    List<RegisteredVehicle> vehicles, Optional<Person> driver, Optional<Person> escort, List<Goods> goods,
    TimeWindow window, Optional<RouteId> route, Optional<String> loadingPoint, List<ZoneId> requestedZones) {

  public ApplicationContent {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(purpose, "purpose");
    people = List.copyOf(people);
    vehicles = List.copyOf(vehicles);
    Objects.requireNonNull(driver, "driver");
    Objects.requireNonNull(escort, "escort");
    goods = List.copyOf(goods);
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(loadingPoint, "loadingPoint");
    requestedZones = List.copyOf(requestedZones);
  }

  /** Nothing but the host and the window; add the rest with the {@code with…} methods. */
  public static ApplicationContent of(EnterpriseId host, TimeWindow window) {
    return new ApplicationContent(host, "", List.of(), List.of(), Optional.empty(), Optional.empty(), List.of(),
        window, Optional.empty(), Optional.empty(), List.of());
  }

  public ApplicationContent withPurpose(String p) {
    return new ApplicationContent(host, p, people, vehicles, driver, escort, goods, window, route, loadingPoint,
        requestedZones);
  }

  public ApplicationContent withPeople(List<Person> p) {
    return new ApplicationContent(host, purpose, p, vehicles, driver, escort, goods, window, route, loadingPoint,
        requestedZones);
  }

  public ApplicationContent withVehicles(List<RegisteredVehicle> v) {
    return new ApplicationContent(host, purpose, people, v, driver, escort, goods, window, route, loadingPoint,
        requestedZones);
  }

  public ApplicationContent withDriver(Person d) {
    return new ApplicationContent(host, purpose, people, vehicles, Optional.ofNullable(d), escort, goods, window,
        route, loadingPoint, requestedZones);
  }

  public ApplicationContent withEscort(Person e) {
    return new ApplicationContent(host, purpose, people, vehicles, driver, Optional.ofNullable(e), goods, window,
        route, loadingPoint, requestedZones);
  }

  public ApplicationContent withGoods(List<Goods> g) {
    return new ApplicationContent(host, purpose, people, vehicles, driver, escort, g, window, route, loadingPoint,
        requestedZones);
  }

  public ApplicationContent withWindow(TimeWindow w) {
    return new ApplicationContent(host, purpose, people, vehicles, driver, escort, goods, w, route, loadingPoint,
        requestedZones);
  }

  public ApplicationContent withRoute(RouteId r) {
    return new ApplicationContent(host, purpose, people, vehicles, driver, escort, goods, window,
        Optional.ofNullable(r), loadingPoint, requestedZones);
  }

  public ApplicationContent withLoadingPoint(String lp) {
    return new ApplicationContent(host, purpose, people, vehicles, driver, escort, goods, window, route,
        Optional.ofNullable(lp), requestedZones);
  }

  public ApplicationContent withRequestedZones(List<ZoneId> z) {
    return new ApplicationContent(host, purpose, people, vehicles, driver, escort, goods, window, route,
        loadingPoint, z);
  }

  /** Every person named, with the field path that names them: people[i], driver, escort. */
  public List<Named<Person>> namedPeople() {
    List<Named<Person>> all = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      all.add(new Named<>("people[" + i + "]", people.get(i)));
    }
    driver.ifPresent(d -> all.add(new Named<>("driver", d)));
    escort.ifPresent(e -> all.add(new Named<>("escort", e)));
    return all;
  }

  /** The registry ids of everyone the permit is for. */
  public List<PersonId> personIds() {
    return namedPeople().stream().map(n -> n.value().id()).distinct().toList();
  }

  /** A value with the field path naming it. */
  public record Named<T>(String field, T value) {
  }
}
