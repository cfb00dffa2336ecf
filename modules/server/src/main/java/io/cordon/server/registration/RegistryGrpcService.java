package io.cordon.server.registration;

import io.cordon.api.v1.EnterpriseList;
import io.cordon.api.v1.GetEnterpriseRequest;
import io.cordon.api.v1.GetPersonRequest;
import io.cordon.api.v1.GetVehicleRequest;
import io.cordon.api.v1.ImportRegistryRequest;
import io.cordon.api.v1.ImportReport;
import io.cordon.api.v1.PersonList;
import io.cordon.api.v1.RegistryEnterprise;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryServiceGrpc;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.api.v1.SearchRequest;
import io.cordon.api.v1.UpsertEnterpriseRequest;
import io.cordon.api.v1.UpsertPersonRequest;
import io.cordon.api.v1.UpsertVehicleRequest;
import io.cordon.api.v1.VehicleList;
import io.cordon.devices.gate.FieldViolations;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.registry.Person;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.registry.PersonRole;
import io.cordon.domain.registry.RegisteredEnterprise;
import io.cordon.domain.registry.RegisteredVehicle;
import io.cordon.domain.validation.FieldError;
import io.cordon.domain.validation.Result;
import io.cordon.domain.vehicle.Plate;
import io.cordon.server.event.JournalAppend;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code RegistryService}: enterprises, people and vehicles, one at a time or imported in batches
 * ({@link RegistryImport}). Each save is one journal event committed with the row.
 */
public final class RegistryGrpcService extends RegistryServiceGrpc.RegistryServiceImplBase {

  static final int MAX_CONTACTS = 20;
  static final int MAX_LOADING_POINTS = 50;
  static final int MAX_ACCOUNTS = 50;
  static final int MAX_CERTIFICATES = 10;

  private final RegistrationStore store;
  private final Clock clock;
  private final RegistryImport imports;

  RegistryGrpcService(RegistrationStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
    this.imports = new RegistryImport(this, store, clock);
  }

  // ---- enterprises ------------------------------------------------------------------------------

  @Override
  public void upsertEnterprise(UpsertEnterpriseRequest request, StreamObserver<RegistryEnterprise> observer) {
    Rpc.answer(observer, "UpsertEnterprise", () -> {
      Caller caller = caller();
      String key = Rpc.key("enterprise", caller, request.getRequestId());
      if (store.wasProcessed(key)) {
        return store.enterprise(request.getEnterprise().getEnterpriseId()).orElseThrow();
      }
      RegistryEnterprise saved = checkedEnterprise(request.getEnterprise(), "enterprise.");
      store.commit(List.of(JournalAppend.once(key, RegistrationEvents.registry("registry.enterprise_saved",
          "enterprise", saved.getEnterpriseId(), Optional.empty(), caller.name(), clock.instant(),
          "enterprise " + saved.getEnterpriseId() + " " + saved.getName() + " saved by " + caller.name()))),
          (session, appended) -> {
            if (appended.get(0).isNew()) {
              RegistrationStore.saveEnterprise(session, saved);
            }
          });
      return saved;
    });
  }

  /** The enterprise to save (normalised, next version), or INVALID_ARGUMENT with every problem under {@code prefix}. */
  RegistryEnterprise checkedEnterprise(RegistryEnterprise e, String prefix) {
    List<FieldError> errors = new ArrayList<>(enterpriseProblems(e, prefix));
    if (!errors.isEmpty()) {
      throw RegistrationException.invalid(errors);
    }
    RegisteredEnterprise valid = RegistrationProtos.enterpriseForm(e).validate().orElseThrow();
    long version = store.enterprise(valid.id().value()).map(RegistryEnterprise::getVersion).orElse(0L) + 1;
    return RegistrationProtos.toProto(valid, e.getApplicantUsernamesList().stream().map(String::strip).toList(),
        version);
  }

  List<FieldError> enterpriseProblems(RegistryEnterprise e, String prefix) {
    List<FieldError> errors = new ArrayList<>();
    if (e.getContactsCount() > MAX_CONTACTS) {
      errors.add(new FieldError(prefix + "contacts", "at most " + MAX_CONTACTS));
    }
    if (e.getLoadingPointsCount() > MAX_LOADING_POINTS) {
      errors.add(new FieldError(prefix + "loading_points", "at most " + MAX_LOADING_POINTS));
    }
    if (e.getApplicantUsernamesCount() > MAX_ACCOUNTS) {
      errors.add(new FieldError(prefix + "applicant_usernames", "at most " + MAX_ACCOUNTS));
    }
    Result<RegisteredEnterprise> r = RegistrationProtos.enterpriseForm(e).validate();
    if (r instanceof Result.Refused<RegisteredEnterprise> refused) {
      errors.addAll(RegistrationProtos.under(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
          refused.refusal().errors()));
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < e.getApplicantUsernamesCount(); i++) {
      String u = e.getApplicantUsernames(i).strip();
      if (u.isEmpty() || u.length() > 64 || u.chars().anyMatch(Character::isISOControl)) {
        errors.add(new FieldError(prefix + "applicant_usernames[" + i + "]", "must be a user name of 1..64 characters"));
      } else {
        names.add(u);
      }
    }
    Map<String, String> elsewhere = store.accountsElsewhere(names, e.getEnterpriseId().strip());
    for (int i = 0; i < e.getApplicantUsernamesCount(); i++) {
      String other = elsewhere.get(e.getApplicantUsernames(i).strip());
      if (other != null) {
        errors.add(new FieldError(prefix + "applicant_usernames[" + i + "]", "already acts for " + other));
      }
    }
    return errors;
  }

  @Override
  public void getEnterprise(GetEnterpriseRequest request, StreamObserver<RegistryEnterprise> observer) {
    Rpc.answer(observer, "GetEnterprise", () -> {
      Caller caller = caller();
      Optional<RegistryEnterprise> e = request.getEnterpriseId().isBlank() ? Optional.empty()
          : store.enterprise(request.getEnterpriseId().strip());
      if (e.isEmpty() || !caller.mayRead(new EnterpriseId(e.get().getEnterpriseId()))) {
        throw RegistrationException.notFound("enterprise_id", "a registered enterprise");
      }
      return e.get();
    });
  }

  @Override
  public void searchEnterprises(SearchRequest request, StreamObserver<EnterpriseList> observer) {
    Rpc.answer(observer, "SearchEnterprises", () -> {
      checkSearch(request);
      return EnterpriseList.newBuilder().addAllEnterprises(store.searchEnterprises(request.getText().strip(),
          limit(request))).build();
    });
  }

  // ---- people -----------------------------------------------------------------------------------

  @Override
  public void upsertPerson(UpsertPersonRequest request, StreamObserver<RegistryPerson> observer) {
    Rpc.answer(observer, "UpsertPerson", () -> {
      Caller caller = caller();
      String key = Rpc.key("person", caller, request.getRequestId());
      Optional<String> earlier = store.recordedSubject(key, "person");
      if (earlier.isPresent()) {
        return store.person(earlier.get()).orElseThrow();
      }
      RegistryPerson given = request.getPerson();
      Optional<RegistryPerson> old = Optional.empty();
      if (!given.getPersonId().isEmpty()) {
        old = given.getPersonId().length() > 20 ? Optional.empty() : store.person(given.getPersonId());
        if (old.isEmpty()) {
          throw RegistrationException.notFound("person.person_id", "a registered person");
        }
        mayWrite(caller, old.get().getEnterpriseId(), old.get().getRole());
      }
      String id = old.map(RegistryPerson::getPersonId).orElse("");
      List<FieldError> errors = personProblems(given, id, "person.");
      if (!errors.isEmpty()) {
        throw RegistrationException.invalid(errors);
      }
      mayWrite(caller, given.getEnterpriseId().strip(), given.getRole());
      String personId = id.isEmpty() ? store.nextId("P") : id;
      RegistryPerson saved = RegistrationProtos.toProto(
          RegistrationProtos.person(given, new PersonId(personId)).orElseThrow(),
          old.map(RegistryPerson::getVersion).orElse(0L) + 1, false);
      store.commit(List.of(JournalAppend.once(key, RegistrationEvents.registry("registry.person_saved", "person",
          personId, Optional.of(saved.getEnterpriseId()), caller.name(), clock.instant(),
          "person " + personId + " (" + saved.getRole().name().replace("PERSON_ROLE_", "").toLowerCase() + ") saved by "
              + caller.name()))), (session, appended) -> {
                if (appended.get(0).isNew()) {
                  RegistrationStore.savePerson(session, saved);
                }
              });
      return saved;
    });
  }

  /**
   * Every problem with a person to save as {@code personId} ("" for a new one), under {@code prefix}:
   * the form's rules, certificates' count, an ID number registered for someone else, an unknown enterprise.
   */
  List<FieldError> personProblems(RegistryPerson p, String personId, String prefix) {
    List<FieldError> errors = new ArrayList<>();
    if (p.getCertificatesCount() > MAX_CERTIFICATES) {
      errors.add(new FieldError(prefix + "certificates", "at most " + MAX_CERTIFICATES));
    }
    if (p.getFacePhoto().length() > 512) {
      errors.add(new FieldError(prefix + "face_photo", "must be at most 512 characters"));
    }
    Result<Person> r = RegistrationProtos.person(p, new PersonId(personId.isEmpty() ? "new" : personId));
    String base = prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1);
    if (r instanceof Result.Refused<Person> refused) {
      errors.addAll(RegistrationProtos.under(base, refused.refusal().errors()));
      return errors;
    }
    Person person = r.orElseThrow();
    Optional<String> holder = store.personIdByIdNumber(person.idNumber().value());
    if (holder.isPresent() && !holder.get().equals(personId)) {
      errors.add(new FieldError(prefix + "id_number", "is already registered as " + holder.get()));
    }
    if (person.enterprise().isPresent() && store.enterprise(person.enterprise().get().value()).isEmpty()) {
      errors.add(new FieldError(prefix + "enterprise_id", person.enterprise().get() + " is not a registered enterprise"));
    }
    return errors;
  }

  @Override
  public void getPerson(GetPersonRequest request, StreamObserver<RegistryPerson> observer) {
    Rpc.answer(observer, "GetPerson", () -> {
      Caller caller = caller();
      Optional<RegistryPerson> p = request.getPersonId().isBlank() || request.getPersonId().length() > 20
          ? Optional.empty() : store.person(request.getPersonId());
      if (p.isEmpty() || !(caller.staff() || !p.get().getEnterpriseId().isEmpty()
          && caller.mayRead(new EnterpriseId(p.get().getEnterpriseId())))) {
        throw RegistrationException.notFound("person_id", "a registered person");
      }
      return p.get();
    });
  }

  @Override
  public void searchPeople(SearchRequest request, StreamObserver<PersonList> observer) {
    Rpc.answer(observer, "SearchPeople", () -> {
      checkSearch(request);
      Optional<String> enterprise = scope(caller(), request.getEnterpriseId());
      return PersonList.newBuilder().addAllPeople(store.searchPeople(request.getText().strip(), enterprise,
          limit(request)).stream().map(RegistryGrpcService::masked).toList()).build();
    });
  }

  private static RegistryPerson masked(RegistryPerson p) {
    String n = p.getIdNumber();
    return n.length() == 18 ? p.toBuilder().setIdNumber(n.substring(0, 6) + "********" + n.substring(14)).build() : p;
  }

  // ---- vehicles ---------------------------------------------------------------------------------

  @Override
  public void upsertVehicle(UpsertVehicleRequest request, StreamObserver<RegistryVehicle> observer) {
    Rpc.answer(observer, "UpsertVehicle", () -> {
      Caller caller = caller();
      String key = Rpc.key("vehicle", caller, request.getRequestId());
      if (store.wasProcessed(key) && Plate.isValid(request.getVehicle().getPlate())) {
        return store.vehicle(Plate.parse(request.getVehicle().getPlate()).value()).orElseThrow();
      }
      List<FieldError> errors = vehicleProblems(request.getVehicle(), "vehicle.");
      if (!errors.isEmpty()) {
        throw RegistrationException.invalid(errors);
      }
      RegisteredVehicle v = RegistrationProtos.vehicle(request.getVehicle()).orElseThrow();
      Optional<RegistryVehicle> old = store.vehicle(v.plate().value());
      old.ifPresent(o -> mayWrite(caller, o.getOwnerId(), io.cordon.api.v1.PersonRole.PERSON_ROLE_EMPLOYEE));
      mayWrite(caller, v.owner().value(), io.cordon.api.v1.PersonRole.PERSON_ROLE_EMPLOYEE);
      RegistryVehicle saved = RegistrationProtos.toProto(v, old.map(RegistryVehicle::getVersion).orElse(0L) + 1);
      store.commit(List.of(JournalAppend.once(key, RegistrationEvents.registry("registry.vehicle_saved", "vehicle",
          saved.getPlate(), Optional.of(saved.getOwnerId()), caller.name(), clock.instant(),
          "vehicle " + saved.getPlate() + " (" + v.vehicleClass().name().toLowerCase() + ") saved by "
              + caller.name()))), (session, appended) -> {
                if (appended.get(0).isNew()) {
                  RegistrationStore.saveVehicle(session, saved);
                }
              });
      return saved;
    });
  }

  List<FieldError> vehicleProblems(RegistryVehicle v, String prefix) {
    List<FieldError> errors = new ArrayList<>();
    Result<RegisteredVehicle> r = RegistrationProtos.vehicle(v);
    if (r instanceof Result.Refused<RegisteredVehicle> refused) {
      errors.addAll(RegistrationProtos.under(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
          refused.refusal().errors()));
      return errors;
    }
    if (store.enterprise(r.orElseThrow().owner().value()).isEmpty()) {
      errors.add(new FieldError(prefix + "owner_id", r.orElseThrow().owner() + " is not a registered enterprise"));
    }
    return errors;
  }

  @Override
  public void getVehicle(GetVehicleRequest request, StreamObserver<RegistryVehicle> observer) {
    Rpc.answer(observer, "GetVehicle", () -> {
      Caller caller = caller();
      Optional<RegistryVehicle> v = Plate.isValid(request.getPlate())
          ? store.vehicle(Plate.parse(request.getPlate()).value()) : Optional.empty();
      if (v.isEmpty() || !caller.mayRead(new EnterpriseId(v.get().getOwnerId()))) {
        throw RegistrationException.notFound("plate", "a registered vehicle");
      }
      return v.get();
    });
  }

  @Override
  public void searchVehicles(SearchRequest request, StreamObserver<VehicleList> observer) {
    Rpc.answer(observer, "SearchVehicles", () -> {
      checkSearch(request);
      Optional<String> owner = scope(caller(), request.getEnterpriseId());
      return VehicleList.newBuilder().addAllVehicles(store.searchVehicles(request.getText().strip(), owner,
          limit(request))).build();
    });
  }

  // ---- import -----------------------------------------------------------------------------------

  @Override
  public void importRegistry(ImportRegistryRequest request, StreamObserver<ImportReport> observer) {
    Rpc.answer(observer, "ImportRegistry", () -> imports.run(request, caller()));
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Applicants write their own enterprise's records only (and visitors, who belong to none). */
  void mayWrite(Caller caller, String enterpriseId, io.cordon.api.v1.PersonRole role) {
    if (caller.staff()) {
      return;
    }
    boolean own = !enterpriseId.isEmpty() && caller.mayRead(new EnterpriseId(enterpriseId));
    boolean visitor = enterpriseId.isEmpty() && role == io.cordon.api.v1.PersonRole.PERSON_ROLE_VISITOR;
    caller.applicant();
    if (!own && !visitor) {
      throw RegistrationException.denied("an applicant saves the records of its own enterprise only");
    }
  }

  private static Optional<String> scope(Caller caller, String requested) {
    if (caller.staff()) {
      return requested.isBlank() ? Optional.empty() : Optional.of(requested.strip());
    }
    return Optional.of(caller.applicant().value());
  }

  private static void checkSearch(SearchRequest r) {
    Applications.require(new FieldViolations().checkOptionalText("text", r.getText(), 64)
        .checkOptionalText("enterprise_id", r.getEnterpriseId(), 40));
    if (r.getLimit() > 500) {
      throw RegistrationException.invalid("limit", "must be 1..500");
    }
  }

  private static int limit(SearchRequest r) {
    return r.getLimit() == 0 ? 100 : r.getLimit();
  }

  private Caller caller() {
    return Caller.current(store);
  }

  Instant now() {
    return clock.instant();
  }

  static boolean isVisitor(PersonRole role) {
    return role == PersonRole.VISITOR;
  }
}
