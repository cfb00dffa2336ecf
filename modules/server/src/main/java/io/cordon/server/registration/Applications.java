package io.cordon.server.registration;

import io.cordon.api.v1.ApplicationDraft;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.devices.gate.FieldViolations;
import io.cordon.domain.appointment.Application;
import io.cordon.domain.appointment.ApplicationContent;
import io.cordon.domain.appointment.CheckContext;
import io.cordon.domain.appointment.Outcome;
import io.cordon.domain.hazmat.Goods;
import io.cordon.domain.hazmat.HazmatCatalogue;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ZoneId;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.RouteId;
import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.registry.Person;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.registry.RegisteredVehicle;
import io.cordon.domain.validation.FieldError;
import io.cordon.domain.validation.Problems;
import io.cordon.domain.vehicle.Plate;
import io.cordon.server.event.Appended;
import io.cordon.server.event.JournalAppend;
import io.cordon.server.event.NewEvent;
import io.cordon.server.registration.RegistrationStore.StoredApplication;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the appointment and review services share: turning a draft into content (registry
 * snapshots), loading an application, deciding a command with the domain and committing the result
 * with its journal events (and the permit an approval issues) in one transaction.
 */
final class Applications {

  static final int MAX_PEOPLE = 200;
  static final int MAX_VEHICLES = 200;
  static final int MAX_GOODS = 20;
  static final int MAX_ZONES = 20;
  private static final Logger log = LoggerFactory.getLogger(Applications.class);

  private final RegistrationStore store;
  private final RegistrationSettings settings;
  private final Park park;
  private final HazmatCatalogue catalogue;
  private final Clock clock;

  Applications(RegistrationStore store, RegistrationSettings settings, Park park, HazmatCatalogue catalogue,
      Clock clock) {
    this.store = store;
    this.settings = settings;
    this.park = park;
    this.catalogue = catalogue;
    this.clock = clock;
  }

  RegistrationStore store() {
    return store;
  }

  RegistrationSettings settings() {
    return settings;
  }

  Park park() {
    return park;
  }

  Clock clock() {
    return clock;
  }

  CheckContext checks() {
    return new CheckContext(settings.rules(), park, catalogue, store, store);
  }

  /** The content a draft names, with snapshots of the registry; every problem under "content.…". */
  ApplicationContent content(ApplicationDraft d) {
    Problems p = new Problems();
    FieldViolations shape = new FieldViolations()
        .checkText("content.host", d.getHost(), 1, 40)
        .checkOptionalText("content.purpose", d.getPurpose(), 500)
        .checkOptionalText("content.route", d.getRoute(), 64)
        .checkOptionalText("content.loading_point", d.getLoadingPoint(), 40);
    if (d.getPeopleCount() > MAX_PEOPLE) {
      shape.add("content.people", "at most " + MAX_PEOPLE);
    }
    if (d.getVehiclesCount() > MAX_VEHICLES) {
      shape.add("content.vehicles", "at most " + MAX_VEHICLES);
    }
    if (d.getGoodsCount() > MAX_GOODS) {
      shape.add("content.goods", "at most " + MAX_GOODS);
    }
    if (d.getRequestedZonesCount() > MAX_ZONES) {
      shape.add("content.requested_zones", "at most " + MAX_ZONES);
    }
    if (!shape.isEmpty()) {
      throw RegistrationException.invalid(shape);
    }
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < d.getPeopleCount(); i++) {
      person("people[" + i + "]", d.getPeople(i), p).ifPresent(people::add);
    }
    List<RegisteredVehicle> vehicles = new ArrayList<>();
    for (int i = 0; i < d.getVehiclesCount(); i++) {
      vehicle("vehicles[" + i + "]", d.getVehicles(i), p).ifPresent(vehicles::add);
    }
    Optional<Person> driver = d.getDriver().isBlank() ? Optional.empty() : person("driver", d.getDriver(), p);
    Optional<Person> escort = d.getEscort().isBlank() ? Optional.empty() : person("escort", d.getEscort(), p);
    List<Goods> goods = RegistrationProtos.goods(d.getGoodsList(), p);
    Optional<TimeWindow> window = RegistrationProtos.window("window", d.hasWindow(), d.getWindow(), p);
    List<ZoneId> zones = new ArrayList<>();
    for (int i = 0; i < d.getRequestedZonesCount(); i++) {
      String z = d.getRequestedZones(i).strip();
      if (z.isEmpty() || z.length() > 40) {
        p.add("requestedZones[" + i + "]", "must be a zone id of 1..40 characters");
      } else {
        zones.add(new ZoneId(z));
      }
    }
    if (!p.isEmpty()) {
      throw RegistrationException.invalid(contentErrors(p.list()));
    }
    return new ApplicationContent(new EnterpriseId(d.getHost().strip()), d.getPurpose().strip(), people, vehicles,
        driver, escort, goods, window.orElseThrow(),
        d.getRoute().isBlank() ? Optional.empty() : Optional.of(new RouteId(d.getRoute().strip())),
        d.getLoadingPoint().isBlank() ? Optional.empty() : Optional.of(d.getLoadingPoint().strip()), zones);
  }

  private Optional<Person> person(String field, String id, Problems p) {
    Optional<RegistryPerson> stored = id.isBlank() || id.length() > 20 ? Optional.empty() : store.person(id.strip());
    if (stored.isEmpty()) {
      p.add(field, "\"" + id + "\" is not a registered person: register them first (RegistryService.UpsertPerson)");
      return Optional.empty();
    }
    return Optional.of(RegistrationProtos.person(stored.get(), new PersonId(stored.get().getPersonId())).orElseThrow());
  }

  private Optional<RegisteredVehicle> vehicle(String field, String plate, Problems p) {
    if (!Plate.isValid(plate)) {
      try {
        Plate.parse(plate);
      } catch (IllegalArgumentException e) {
        p.add(field, e.getMessage());
      }
      return Optional.empty();
    }
    Optional<RegistryVehicle> stored = store.vehicle(Plate.parse(plate).value());
    if (stored.isEmpty()) {
      p.add(field, Plate.parse(plate) + " is not a registered vehicle: register it first (RegistryService.UpsertVehicle)");
      return Optional.empty();
    }
    return Optional.of(RegistrationProtos.vehicle(stored.get()).orElseThrow());
  }

  static List<FieldError> contentErrors(List<FieldError> errors) {
    return errors.stream().map(e -> new FieldError(RegistrationProtos.contentPath(e.field()), e.reason())).toList();
  }

  /** The stored application, NOT_FOUND on "application_id" when there is none. */
  StoredApplication load(String id) {
    if (id.isBlank() || id.length() > 20) {
      throw RegistrationException.invalid("application_id", "is required: 1..20 characters");
    }
    return store.application(id).orElseThrow(() -> RegistrationException.notFound("application_id", "an application"));
  }

  /** Loads an application the caller may read (its enterprise is the applicant or the host, or the caller is staff). */
  StoredApplication readable(String id, Caller caller) {
    StoredApplication s = load(id);
    Application a = s.application();
    if (!caller.mayRead(a.applicant()) && !caller.mayRead(a.content().host())) {
      // the same answer as for an unknown id: another enterprise's applications are not even confirmed to exist
      throw RegistrationException.notFound("application_id", "an application");
    }
    return s;
  }

  /**
   * Decides a command on the application as stored and commits the change. A repeated request key
   * changes nothing and answers the application as it is.
   */
  io.cordon.api.v1.Application act(String requestKey, StoredApplication stored, Function<Application, Outcome> command) {
    if (store.wasProcessed(requestKey)) {
      StoredApplication now = load(stored.application().id().value());
      return view(now.application(), now.seq());
    }
    Outcome outcome = command.apply(stored.application());
    if (outcome instanceof Outcome.Refused refused) {
      throw RegistrationException.of(refused.refusal(), RegistrationProtos::contentPath);
    }
    Outcome.Changed changed = (Outcome.Changed) outcome;
    long seq = commit(requestKey, stored.application().version(), changed);
    return view(changed.after(), seq);
  }

  /** Commits a change (and its permit); {@code priorVersion} 0 for a new application. Returns the application's seq. */
  long commit(String requestKey, long priorVersion, Outcome.Changed changed) {
    Application after = changed.after();
    List<JournalAppend> appends = new ArrayList<>();
    NewEvent event = RegistrationEvents.application(after, changed.transition());
    appends.add(requestKey == null ? JournalAppend.of(event) : JournalAppend.once(requestKey, event));
    Optional<Permit> permit = changed.permit();
    permit.ifPresent(p -> appends.add(JournalAppend.of(RegistrationEvents.permit("permit.issued", p,
        changed.transition().at(), changed.transition().by(), ""))));
    Instant now = clock.instant();
    List<Appended> appended = store.commit(appends, (session, outcomes) -> {
      if (!outcomes.get(0).isNew()) {
        return;
      }
      long seq = outcomes.get(0).event().seq();
      RegistrationStore.saveApplication(session, after, seq, priorVersion, now);
      if (permit.isPresent()) {
        store.savePermit(session, permit.get(), outcomes.get(1).event().seq(), Optional.empty());
      }
    });
    if (permit.isPresent()) {
      log.info("Permit {} issued for gates {}", permit.get().id(), permit.get().gates());
    }
    return appended.get(0).event().seq();
  }

  io.cordon.api.v1.Application view(Application a, long seq) {
    return RegistrationProtos.toProto(a, seq, false, clock.instant());
  }

  /** Expires pending applications whose window has ended; returns how many. */
  int expireDue() {
    Instant now = clock.instant();
    int n = 0;
    for (StoredApplication s : store.expiredBy(now, 200)) {
      Outcome o = s.application().expire(now);
      if (o instanceof Outcome.Changed c) {
        try {
          commit(null, s.application().version(), c);
          n++;
        } catch (RegistrationException e) {
          log.debug("Application {} changed while expiring; next round", s.application().id());
        }
      }
    }
    return n;
  }

  static FieldViolations checkReasons(String field, List<io.cordon.api.v1.FieldReason> reasons, boolean required) {
    FieldViolations v = new FieldViolations();
    if (required && reasons.isEmpty()) {
      v.add(field, "give at least one reason");
    }
    if (reasons.size() > 20) {
      v.add(field, "at most 20 reasons");
    }
    for (int i = 0; i < Math.min(20, reasons.size()); i++) {
      v.checkOptionalText(field + "[" + i + "].field", reasons.get(i).getField(), 200)
          .checkText(field + "[" + i + "].reason", reasons.get(i).getReason().strip(), 1, 500);
    }
    return v;
  }

  static void require(FieldViolations v) {
    if (!v.isEmpty()) {
      throw RegistrationException.invalid(v);
    }
  }
}
