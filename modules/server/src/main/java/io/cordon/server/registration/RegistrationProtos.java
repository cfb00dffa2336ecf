package io.cordon.server.registration;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import io.cordon.api.v1.ApplicationTransition;
import io.cordon.api.v1.FieldReason;
import io.cordon.api.v1.LaneRef;
import io.cordon.api.v1.PermitVehicle;
import io.cordon.api.v1.RegistryContact;
import io.cordon.api.v1.RegistryEnterprise;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.domain.appointment.Application;
import io.cordon.domain.appointment.ApplicationContent;
import io.cordon.domain.appointment.ApplicationId;
import io.cordon.domain.appointment.ApplicationKind;
import io.cordon.domain.appointment.ApplicationState;
import io.cordon.domain.appointment.Department;
import io.cordon.domain.appointment.KindRules;
import io.cordon.domain.appointment.Opinion;
import io.cordon.domain.appointment.Transition;
import io.cordon.domain.hazmat.Goods;
import io.cordon.domain.hazmat.HazardClass;
import io.cordon.domain.hazmat.Quantity;
import io.cordon.domain.hazmat.QuantityUnit;
import io.cordon.domain.hazmat.UnNumber;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.ZoneId;
import io.cordon.domain.permit.ExitConfirmation;
import io.cordon.domain.permit.Permit;
import io.cordon.domain.permit.PermitId;
import io.cordon.domain.permit.PermitScope;
import io.cordon.domain.permit.Revocation;
import io.cordon.domain.permit.RouteId;
import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.registry.Certificate;
import io.cordon.domain.registry.CertificateForm;
import io.cordon.domain.registry.CertificateKind;
import io.cordon.domain.registry.Contact;
import io.cordon.domain.registry.ContactForm;
import io.cordon.domain.registry.EnterpriseForm;
import io.cordon.domain.registry.Person;
import io.cordon.domain.registry.PersonForm;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.registry.PersonRole;
import io.cordon.domain.registry.RegisteredEnterprise;
import io.cordon.domain.registry.RegisteredVehicle;
import io.cordon.domain.registry.VehicleForm;
import io.cordon.domain.validation.FieldError;
import io.cordon.domain.validation.Problems;
import io.cordon.domain.validation.Refusal;
import io.cordon.domain.validation.Result;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.domain.violation.Appeal;
import io.cordon.domain.violation.AppealState;
import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.domain.violation.Lifting;
import io.cordon.domain.violation.Subject;
import io.cordon.domain.violation.SubjectKind;
import io.cordon.domain.violation.Violation;
import io.cordon.domain.violation.ViolationKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Between the domain and cordon.v1: requests into domain forms (every problem with its domain path),
 * domain objects into answers, and the stored form of each row's body (base64 of the binary message).
 */
final class RegistrationProtos {

  private RegistrationProtos() {
  }

  // ---- stored form ----------------------------------------------------------------------------

  static String encode(MessageLite message) {
    return Base64.getEncoder().encodeToString(message.toByteArray());
  }

  static <T> T decode(String body, Parser<T> parser) {
    try {
      return parser.parseFrom(Base64.getDecoder().decode(body));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("unreadable stored body", e);
    }
  }

  // ---- paths, times, enums --------------------------------------------------------------------

  /** A domain path in proto spelling: "certificates[0].expiresOn" becomes "certificates[0].expires_on". */
  static String snake(String path) {
    StringBuilder b = new StringBuilder(path.length() + 8);
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (Character.isUpperCase(c) && c < 128) {
        b.append('_').append(Character.toLowerCase(c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** A path inside an application's content, as requests name it: "goods[0].unNumber" → "content.goods[0].un_number". */
  static String contentPath(String path) {
    if (path.isEmpty()) {
      return "";
    }
    String p = snake(path);
    if (p.startsWith("content.") || p.equals("content") || p.startsWith("scope") || p.equals("applicant")
        || p.startsWith("reasons") || p.startsWith("objections")) {
      return p;
    }
    return "content." + p;
  }

  static List<FieldError> under(String prefix, List<FieldError> errors) {
    return errors.stream().map(e -> new FieldError(prefix.isEmpty() ? snake(e.field())
        : e.field().isEmpty() ? prefix : prefix + (e.field().startsWith("[") ? "" : ".") + snake(e.field()),
        e.reason())).toList();
  }

  static Timestamp ts(Instant at) {
    return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
  }

  static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  static Optional<LocalDate> date(String field, String text, Problems p) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text.strip()));
    } catch (DateTimeParseException e) {
      p.add(field, "must be a date yyyy-MM-dd, not \"" + text + "\"");
      return Optional.empty();
    }
  }

  /** The domain constant of the same name as a proto enum value without its prefix, empty for UNSPECIFIED/unknown. */
  static <E extends Enum<E>> Optional<E> fromProto(ProtocolMessageEnum value, String prefix, Class<E> type) {
    String name = ((Enum<?>) value).name();
    if (!name.startsWith(prefix) || name.endsWith("UNSPECIFIED") || name.equals("UNRECOGNIZED")) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, name.substring(prefix.length())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  static <P> P toProto(Enum<?> value, String prefix, Function<String, P> valueOf) {
    return valueOf.apply(prefix + value.name());
  }

  static io.cordon.api.v1.ApplicationKind kind(ApplicationKind k) {
    return toProto(k, "APPLICATION_KIND_", io.cordon.api.v1.ApplicationKind::valueOf);
  }

  static io.cordon.api.v1.ApplicationState state(ApplicationState s) {
    return toProto(s, "APPLICATION_STATE_", io.cordon.api.v1.ApplicationState::valueOf);
  }

  static Optional<ApplicationState> state(io.cordon.api.v1.ApplicationState s) {
    return fromProto(s, "APPLICATION_STATE_", ApplicationState.class);
  }

  static Optional<ApplicationKind> kind(io.cordon.api.v1.ApplicationKind k) {
    return fromProto(k, "APPLICATION_KIND_", ApplicationKind.class);
  }

  static io.cordon.api.v1.Department department(Department d) {
    return toProto(d, "DEPARTMENT_", io.cordon.api.v1.Department::valueOf);
  }

  static Optional<Department> department(io.cordon.api.v1.Department d) {
    return fromProto(d, "DEPARTMENT_", Department.class);
  }

  // ---- registry ---------------------------------------------------------------------------------

  static EnterpriseForm enterpriseForm(RegistryEnterprise e) {
    List<ContactForm> contacts = e.getContactsList().stream()
        .map(c -> new ContactForm(c.getName(), c.getPosition(), c.getPhone())).toList();
    return new EnterpriseForm(e.getEnterpriseId(), e.getName(), e.getCreditCode(), contacts, e.getLoadingPointsList());
  }

  static RegistryEnterprise toProto(RegisteredEnterprise e, List<String> usernames, long version) {
    RegistryEnterprise.Builder b = RegistryEnterprise.newBuilder().setEnterpriseId(e.id().value()).setName(e.name())
        .setCreditCode(e.creditCode().value()).addAllLoadingPoints(e.loadingPoints()).addAllApplicantUsernames(usernames)
        .setVersion(version);
    for (Contact c : e.contacts()) {
      b.addContacts(RegistryContact.newBuilder().setName(c.name()).setPosition(c.position()).setPhone(c.phone().value()));
    }
    return b.build();
  }

  /** The person of a request, or every problem (domain paths). */
  static Result<Person> person(RegistryPerson p, PersonId id) {
    Problems pre = new Problems();
    List<CertificateForm> certs = new ArrayList<>();
    for (int i = 0; i < p.getCertificatesCount(); i++) {
      io.cordon.api.v1.Certificate c = p.getCertificates(i);
      Optional<LocalDate> expires = date("certificates[" + i + "].expiresOn", c.getExpiresOn(), pre);
      certs.add(new CertificateForm(fromProto(c.getKind(), "CERTIFICATE_KIND_", CertificateKind.class).orElse(null),
          c.getNumber(), c.getLicenceClass(), expires.orElse(null)));
    }
    PersonRole role = fromProto(p.getRole(), "PERSON_ROLE_", PersonRole.class).orElse(null);
    Result<Person> r = new PersonForm(p.getName(), p.getIdNumber(), p.getPhone(), p.getEnterpriseId(), role,
        p.getFacePhoto(), certs).validate(id);
    return merged(pre, r);
  }

  static RegistryPerson toProto(Person p, long version, boolean masked) {
    RegistryPerson.Builder b = RegistryPerson.newBuilder().setPersonId(p.id().value()).setName(p.name())
        .setIdNumber(masked ? p.idNumber().masked() : p.idNumber().value()).setPhone(p.phone().value())
        .setEnterpriseId(p.enterprise().map(EnterpriseId::value).orElse(""))
        .setRole(toProto(p.role(), "PERSON_ROLE_", io.cordon.api.v1.PersonRole::valueOf))
        .setFacePhoto(p.facePhoto().orElse("")).setVersion(version);
    for (Certificate c : p.certificates()) {
      b.addCertificates(io.cordon.api.v1.Certificate.newBuilder()
          .setKind(toProto(c.kind(), "CERTIFICATE_KIND_", io.cordon.api.v1.CertificateKind::valueOf))
          .setNumber(c.number()).setLicenceClass(c.licenceClass().orElse("")).setExpiresOn(c.expiresOn().toString()));
    }
    return b.build();
  }

  static Result<RegisteredVehicle> vehicle(RegistryVehicle v) {
    Problems pre = new Problems();
    Optional<LocalDate> expires = v.hasTransportPermit()
        ? date("transportPermit.expiresOn", v.getTransportPermit().getExpiresOn(), pre) : Optional.empty();
    Result<RegisteredVehicle> r = new VehicleForm(v.getPlate(),
        fromProto(v.getPlateColor(), "PLATE_COLOR_", PlateColor.class).orElse(null),
        fromProto(v.getVehicleClass(), "VEHICLE_CLASS_", VehicleClass.class).orElse(null), v.getVin(), v.getOwnerId(),
        v.hasTransportPermit() ? v.getTransportPermit().getNumber() : null, expires.orElse(null)).validate();
    return merged(pre, r);
  }

  static RegistryVehicle toProto(RegisteredVehicle v, long version) {
    RegistryVehicle.Builder b = RegistryVehicle.newBuilder().setPlate(v.plate().value())
        .setPlateColor(toProto(v.plateColor(), "PLATE_COLOR_", io.cordon.api.v1.PlateColor::valueOf))
        .setVehicleClass(vehicleClass(v.vehicleClass())).setVin(v.vin().value()).setOwnerId(v.owner().value())
        .setVersion(version);
    v.transportPermit().ifPresent(t -> b.setTransportPermit(io.cordon.api.v1.TransportPermit.newBuilder()
        .setNumber(t.number()).setExpiresOn(t.expiresOn().toString())));
    return b.build();
  }

  static io.cordon.api.v1.VehicleClass vehicleClass(VehicleClass c) {
    return toProto(c, "VEHICLE_CLASS_", io.cordon.api.v1.VehicleClass::valueOf);
  }

  private static <T> Result<T> merged(Problems pre, Result<T> r) {
    if (pre.isEmpty()) {
      return r;
    }
    List<FieldError> all = new ArrayList<>(pre.list());
    if (r instanceof Result.Refused<T> refused) {
      all.addAll(refused.refusal().errors());
    }
    return Result.refused(Refusal.invalid(all));
  }

  // ---- goods, windows, scope ------------------------------------------------------------------

  /** The goods of a request; problems go to {@code p} under "goods[i]…" (domain paths). */
  static List<Goods> goods(List<io.cordon.api.v1.Goods> list, Problems p) {
    List<Goods> goods = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      io.cordon.api.v1.Goods g = list.get(i);
      String f = "goods[" + i + "].";
      int before = p.list().size();
      Optional<String> name = p.text(f + "name", g.getName(), 100);
      Optional<HazardClass> cls = p.parse(f + "hazardClass", g.getHazardClass(), HazardClass::parse);
      Optional<UnNumber> un = p.parse(f + "unNumber", g.getUnNumber(), UnNumber::parse);
      Optional<BigDecimal> amount = p.parse(f + "amount", g.getAmount(), t -> {
        try {
          BigDecimal a = new BigDecimal(t.strip());
          if (a.signum() <= 0) {
            throw new IllegalArgumentException("must be more than zero");
          }
          return a;
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("must be a decimal number such as 28.5");
        }
      });
      Optional<QuantityUnit> unit = fromProto(g.getUnit(), "QUANTITY_UNIT_", QuantityUnit.class);
      if (unit.isEmpty()) {
        p.add(f + "unit", "is required");
      }
      if (p.list().size() == before) {
        Optional<String> waste = g.getWasteCode().isBlank() ? Optional.empty() : Optional.of(g.getWasteCode().strip());
        goods.add(new Goods(name.orElseThrow(), cls.orElseThrow(), un.orElseThrow(),
            new Quantity(amount.orElseThrow(), unit.orElseThrow()), waste));
      }
    }
    return goods;
  }

  static io.cordon.api.v1.Goods toProto(Goods g) {
    return io.cordon.api.v1.Goods.newBuilder().setName(g.name()).setHazardClass(g.hazardClass().code())
        .setUnNumber(g.unNumber().value()).setAmount(g.quantity().amount().toPlainString())
        .setUnit(toProto(g.quantity().unit(), "QUANTITY_UNIT_", io.cordon.api.v1.QuantityUnit::valueOf))
        .setWasteCode(g.wasteCode().orElse("")).build();
  }

  static Optional<TimeWindow> window(String field, boolean present, io.cordon.api.v1.TimeWindow w, Problems p) {
    if (!present || !w.hasFrom() || !w.hasUntil()) {
      p.add(field, "is required: from and until");
      return Optional.empty();
    }
    Instant from = instant(w.getFrom());
    Instant until = instant(w.getUntil());
    if (!from.isBefore(until)) {
      p.add(field + ".until", "must be after from");
      return Optional.empty();
    }
    return Optional.of(new TimeWindow(from, until));
  }

  static io.cordon.api.v1.TimeWindow toProto(TimeWindow w) {
    return io.cordon.api.v1.TimeWindow.newBuilder().setFrom(ts(w.from())).setUntil(ts(w.until())).build();
  }

  /** The scope of a request; shape problems (blank ids) go to {@code p} under "scope…". */
  static PermitScope scope(io.cordon.api.v1.PermitScope s, Problems p) {
    List<io.cordon.domain.permit.LaneRef> lanes = new ArrayList<>();
    for (int i = 0; i < s.getLanesCount(); i++) {
      LaneRef l = s.getLanes(i);
      if (l.getGateId().isBlank() || l.getLaneId().isBlank()) {
        p.add("scope.lanes[" + i + "]", "gate_id and lane_id are required");
      } else {
        lanes.add(io.cordon.domain.permit.LaneRef.of(l.getGateId().strip(), l.getLaneId().strip()));
      }
    }
    List<ZoneId> zones = new ArrayList<>();
    for (int i = 0; i < s.getZonesCount(); i++) {
      if (s.getZones(i).isBlank()) {
        p.add("scope.zones[" + i + "]", "must not be blank");
      } else {
        zones.add(new ZoneId(s.getZones(i).strip()));
      }
    }
    List<ZoneId> core = s.getAuthorisedCoreZonesList().stream().filter(z -> !z.isBlank()).map(z -> new ZoneId(z.strip()))
        .toList();
    return new PermitScope(lanes, zones, java.util.Set.copyOf(core));
  }

  static io.cordon.api.v1.PermitScope toProto(PermitScope s) {
    io.cordon.api.v1.PermitScope.Builder b = io.cordon.api.v1.PermitScope.newBuilder();
    s.lanes().forEach(l -> b.addLanes(LaneRef.newBuilder().setGateId(l.gate().value()).setLaneId(l.lane())));
    s.zones().forEach(z -> b.addZones(z.value()));
    s.authorisedCoreZones().stream().map(ZoneId::value).sorted().forEach(b::addAuthorisedCoreZones);
    return b.build();
  }

  // ---- applications ---------------------------------------------------------------------------

  static FieldReason reason(FieldError e) {
    return FieldReason.newBuilder().setField(contentPath(e.field())).setReason(e.reason()).build();
  }

  static List<FieldError> errors(List<FieldReason> reasons) {
    return reasons.stream().map(r -> new FieldError(r.getField(), r.getReason())).toList();
  }

  static io.cordon.api.v1.ApplicationContent toProto(ApplicationContent c, boolean masked) {
    io.cordon.api.v1.ApplicationContent.Builder b = io.cordon.api.v1.ApplicationContent.newBuilder()
        .setHost(c.host().value()).setPurpose(c.purpose()).setWindow(toProto(c.window()))
        .setRoute(c.route().map(RouteId::value).orElse("")).setLoadingPoint(c.loadingPoint().orElse(""));
    c.people().forEach(p -> b.addPeople(toProto(p, 0, masked)));
    c.vehicles().forEach(v -> b.addVehicles(toProto(v, 0)));
    c.driver().ifPresent(d -> b.setDriver(toProto(d, 0, masked)));
    c.escort().ifPresent(e -> b.setEscort(toProto(e, 0, masked)));
    c.goods().forEach(g -> b.addGoods(toProto(g)));
    c.requestedZones().forEach(z -> b.addRequestedZones(z.value()));
    return b.build();
  }

  /** Rebuilds stored content (it was valid when stored). */
  static ApplicationContent content(io.cordon.api.v1.ApplicationContent c) {
    Problems p = new Problems();
    List<Person> people = c.getPeopleList().stream().map(RegistrationProtos::storedPerson).toList();
    List<RegisteredVehicle> vehicles = c.getVehiclesList().stream().map(v -> vehicle(v).orElseThrow()).toList();
    ApplicationContent content = new ApplicationContent(new EnterpriseId(c.getHost()), c.getPurpose(), people, vehicles,
        c.hasDriver() ? Optional.of(storedPerson(c.getDriver())) : Optional.empty(),
        c.hasEscort() ? Optional.of(storedPerson(c.getEscort())) : Optional.empty(),
        goods(c.getGoodsList(), p), new TimeWindow(instant(c.getWindow().getFrom()), instant(c.getWindow().getUntil())),
        c.getRoute().isEmpty() ? Optional.empty() : Optional.of(new RouteId(c.getRoute())),
        c.getLoadingPoint().isEmpty() ? Optional.empty() : Optional.of(c.getLoadingPoint()),
        c.getRequestedZonesList().stream().map(ZoneId::new).toList());
    if (!p.isEmpty()) {
      throw new IllegalStateException("stored goods unreadable: " + p.list());
    }
    return content;
  }

  private static Person storedPerson(RegistryPerson p) {
    return person(p, new PersonId(p.getPersonId())).orElseThrow();
  }

  /**
   * The answer for an application; {@code stored} keeps full ID numbers (the row's body), the view
   * masks them and adds the SLA state at {@code now}.
   */
  static io.cordon.api.v1.Application toProto(Application a, long seq, boolean stored, Instant now) {
    io.cordon.api.v1.Application.Builder b = io.cordon.api.v1.Application.newBuilder()
        .setApplicationId(a.id().value()).setVersion(a.version()).setSeq(seq).setKind(kind(a.kind()))
        .setState(state(a.state())).setApplicantEnterpriseId(a.applicant().value())
        .setContent(toProto(a.content(), !stored)).setSince(ts(a.since()));
    a.firstSubmittedAt().ifPresent(t -> b.setFirstSubmittedAt(ts(t)));
    if (!stored) {
      a.reviewDue().ifPresent(t -> b.setReviewDue(ts(t)));
      b.setOverdue(a.overdueAt(now));
      a.pendingDepartments().stream().sorted().forEach(d -> b.addPendingDepartments(department(d)));
      a.permitId().ifPresent(p -> b.setPermitId(p.value()));
    }
    a.reasons().forEach(r -> b.addReasons(reason(r)));
    a.opinions().values().stream().sorted((x, y) -> x.department().compareTo(y.department()))
        .forEach(o -> b.addOpinions(toProto(o)));
    a.scope().ifPresent(s -> b.setScope(toProto(s)));
    for (Transition t : a.history()) {
      ApplicationTransition.Builder tb = ApplicationTransition.newBuilder().setAction(t.action())
          .setFrom(state(t.from())).setTo(state(t.to())).setBy(t.by()).setAt(ts(t.at())).setNote(t.note());
      t.reasons().forEach(r -> tb.addReasons(reason(r)));
      b.addHistory(tb);
    }
    return b.build();
  }

  static io.cordon.api.v1.Opinion toProto(Opinion o) {
    io.cordon.api.v1.Opinion.Builder b = io.cordon.api.v1.Opinion.newBuilder().setDepartment(department(o.department()))
        .setAgrees(o.agrees()).setBy(o.by()).setAt(ts(o.at()));
    o.objections().forEach(r -> b.addObjections(reason(r)));
    return b.build();
  }

  /** Rebuilds a stored application under the rules now configured for its kind. */
  static Application restore(io.cordon.api.v1.Application s, Function<ApplicationKind, KindRules> rules) {
    ApplicationKind kind = kind(s.getKind()).orElseThrow();
    List<Transition> history = s.getHistoryList().stream().map(t -> new Transition(t.getAction(),
        state(t.getFrom()).orElseThrow(), state(t.getTo()).orElseThrow(), t.getBy(), instant(t.getAt()), t.getNote(),
        errors(t.getReasonsList()))).toList();
    Map<Department, Opinion> opinions = new EnumMap<>(Department.class);
    for (io.cordon.api.v1.Opinion o : s.getOpinionsList()) {
      Department d = department(o.getDepartment()).orElseThrow();
      opinions.put(d, new Opinion(d, o.getAgrees(), o.getBy(), instant(o.getAt()), errors(o.getObjectionsList())));
    }
    Problems ignored = new Problems();
    return Application.restore(new Application.Snapshot(new ApplicationId(s.getApplicationId()), kind,
        new EnterpriseId(s.getApplicantEnterpriseId()), content(s.getContent()), rules.apply(kind),
        state(s.getState()).orElseThrow(), s.getVersion(), instant(s.getSince()),
        s.hasFirstSubmittedAt() ? Optional.of(instant(s.getFirstSubmittedAt())) : Optional.empty(), history,
        errors(s.getReasonsList()), opinions, s.hasScope() ? Optional.of(scope(s.getScope(), ignored)) : Optional.empty()));
  }

  // ---- permits --------------------------------------------------------------------------------

  static io.cordon.api.v1.Permit toProto(Permit p, long seq, Duration exitWindow) {
    io.cordon.api.v1.Permit.Builder b = io.cordon.api.v1.Permit.newBuilder().setPermitId(p.id().value())
        .setApplicationId(p.applicationId()).setHostEnterpriseId(p.host().value()).setScope(toProto(p.scope()))
        .setWindow(toProto(p.window())).setRouteId(p.route().map(RouteId::value).orElse(""))
        .setLoadingPoint(p.loadingPoint().orElse("")).setIssuedAt(ts(p.issuedAt())).setIssuedBy(p.issuedBy())
        .setExitConfirmationRequired(p.exitConfirmationRequired()).setExitCleared(p.exitCleared()).setSeq(seq);
    p.people().stream().map(PersonId::value).sorted().forEach(b::addPersonIds);
    p.vehicles().entrySet().stream().sorted(Map.Entry.comparingByKey((x, y) -> x.value().compareTo(y.value())))
        .forEach(e -> b.addVehicles(PermitVehicle.newBuilder().setPlate(e.getKey().value())
            .setVehicleClass(vehicleClass(e.getValue()))));
    p.gates().forEach(g -> b.addGateIds(g.value()));
    p.exitRequestedAt().ifPresent(t -> b.setExitRequestedAt(ts(t)));
    p.exitConfirmationDue(exitWindow).ifPresent(t -> b.setExitConfirmationDue(ts(t)));
    p.exitConfirmation().ifPresent(c -> b.setExitConfirmation(io.cordon.api.v1.ExitConfirmation.newBuilder()
        .setAt(ts(c.at())).setBy(c.by()).setNote(c.note())));
    p.revocation().ifPresent(r -> b.setRevocation(io.cordon.api.v1.Revocation.newBuilder().setAt(ts(r.at()))
        .setBy(r.by()).setReason(r.reason())));
    return b.build();
  }

  static Permit permit(io.cordon.api.v1.Permit p) {
    Map<Plate, VehicleClass> vehicles = new LinkedHashMap<>();
    p.getVehiclesList().forEach(v -> vehicles.put(new Plate(v.getPlate()),
        fromProto(v.getVehicleClass(), "VEHICLE_CLASS_", VehicleClass.class).orElseThrow()));
    return new Permit(new PermitId(p.getPermitId()), p.getApplicationId(),
        java.util.Set.copyOf(p.getPersonIdsList().stream().map(PersonId::new).toList()), vehicles,
        new EnterpriseId(p.getHostEnterpriseId()), scope(p.getScope(), new Problems()),
        new TimeWindow(instant(p.getWindow().getFrom()), instant(p.getWindow().getUntil())),
        p.getRouteId().isEmpty() ? Optional.empty() : Optional.of(new RouteId(p.getRouteId())),
        p.getLoadingPoint().isEmpty() ? Optional.empty() : Optional.of(p.getLoadingPoint()),
        instant(p.getIssuedAt()), p.getIssuedBy(),
        p.hasExitRequestedAt() ? Optional.of(instant(p.getExitRequestedAt())) : Optional.empty(),
        p.hasExitConfirmation() ? Optional.of(new ExitConfirmation(instant(p.getExitConfirmation().getAt()),
            p.getExitConfirmation().getBy(), p.getExitConfirmation().getNote())) : Optional.empty(),
        p.hasRevocation() ? Optional.of(new Revocation(instant(p.getRevocation().getAt()), p.getRevocation().getBy(),
            p.getRevocation().getReason())) : Optional.empty());
  }

  // ---- violations, blacklist, appeals ---------------------------------------------------------

  static io.cordon.api.v1.BlacklistSubject toProto(Subject s) {
    return io.cordon.api.v1.BlacklistSubject.newBuilder()
        .setKind(toProto(s.kind(), "SUBJECT_KIND_", io.cordon.api.v1.SubjectKind::valueOf)).setId(s.id()).build();
  }

  static Optional<Subject> subject(io.cordon.api.v1.BlacklistSubject s) {
    Optional<SubjectKind> kind = fromProto(s.getKind(), "SUBJECT_KIND_", SubjectKind.class);
    if (kind.isEmpty() || s.getId().isBlank()) {
      return Optional.empty();
    }
    String id = s.getId().strip();
    if (kind.get() == SubjectKind.VEHICLE) {
      if (!Plate.isValid(id)) {
        return Optional.empty();
      }
      id = Plate.parse(id).value();
    }
    return Optional.of(new Subject(kind.get(), id));
  }

  static io.cordon.api.v1.Violation toProto(Violation v, int occurrence,
      List<io.cordon.domain.violation.AppliedSanction> sanctions, List<String> entryIds) {
    io.cordon.api.v1.Violation.Builder b = io.cordon.api.v1.Violation.newBuilder().setViolationId(v.id())
        .setKind(toProto(v.kind(), "VIOLATION_KIND_", io.cordon.api.v1.ViolationKind::valueOf)).setAt(ts(v.at()))
        .setPersonId(v.person().map(PersonId::value).orElse("")).setPlate(v.vehicle().map(Plate::value).orElse(""))
        .setEnterpriseId(v.enterprise().map(EnterpriseId::value).orElse(""))
        .setGateId(v.gate().map(GateId::value).orElse("")).addAllEvidence(v.evidence())
        .setDescription(v.description()).setRecordedBy(v.recordedBy()).setSerious(v.serious())
        .setOccurrence(occurrence).addAllBlacklistEntryIds(entryIds);
    v.overturnedAt().ifPresent(t -> b.setOverturnedAt(ts(t)));
    for (io.cordon.domain.violation.AppliedSanction s : sanctions) {
      b.addSanctions(io.cordon.api.v1.Sanction.newBuilder().setType(s.sanction().type().name())
          .setSubject(toProto(s.subject())).setFineYuan(s.sanction().fineYuan())
          .setBanFor(s.sanction().banFor().isZero() ? "" : s.sanction().banFor().toString()));
    }
    return b.build();
  }

  static Violation violation(io.cordon.api.v1.Violation v) {
    return new Violation(v.getViolationId(), fromProto(v.getKind(), "VIOLATION_KIND_", ViolationKind.class).orElseThrow(),
        instant(v.getAt()), v.getPersonId().isEmpty() ? Optional.empty() : Optional.of(new PersonId(v.getPersonId())),
        v.getPlate().isEmpty() ? Optional.empty() : Optional.of(new Plate(v.getPlate())),
        v.getEnterpriseId().isEmpty() ? Optional.empty() : Optional.of(new EnterpriseId(v.getEnterpriseId())),
        v.getGateId().isEmpty() ? Optional.empty() : Optional.of(new GateId(v.getGateId())), v.getEvidenceList(),
        v.getDescription(), v.getRecordedBy(), v.getSerious(),
        v.hasOverturnedAt() ? Optional.of(instant(v.getOverturnedAt())) : Optional.empty());
  }

  static io.cordon.api.v1.BlacklistEntry toProto(BlacklistEntry e, Instant now) {
    io.cordon.api.v1.BlacklistEntry.Builder b = io.cordon.api.v1.BlacklistEntry.newBuilder().setEntryId(e.id())
        .setSubject(toProto(e.subject())).setReason(e.reason()).setFrom(ts(e.from()))
        .setViolationId(e.violationId().orElse("")).setActive(e.activeAt(now));
    e.until().ifPresent(u -> b.setUntil(ts(u)));
    e.lifting().ifPresent(l -> b.setLiftedAt(ts(l.at())).setLiftedBy(l.by()).setLiftReason(l.reason()));
    return b.build();
  }

  static BlacklistEntry entry(io.cordon.api.v1.BlacklistEntry e) {
    return new BlacklistEntry(e.getEntryId(), subject(e.getSubject()).orElseThrow(), e.getReason(), instant(e.getFrom()),
        e.hasUntil() ? Optional.of(instant(e.getUntil())) : Optional.empty(),
        e.getViolationId().isEmpty() ? Optional.empty() : Optional.of(e.getViolationId()),
        e.hasLiftedAt() ? Optional.of(new Lifting(instant(e.getLiftedAt()), e.getLiftedBy(), e.getLiftReason()))
            : Optional.empty());
  }

  static io.cordon.api.v1.Appeal toProto(Appeal a) {
    io.cordon.api.v1.Appeal.Builder b = io.cordon.api.v1.Appeal.newBuilder().setAppealId(a.id())
        .setViolationId(a.violationId()).setAppellant(toProto(a.appellant())).setGrounds(a.grounds())
        .setFiledAt(ts(a.filedAt())).setState(a.state().name()).setReviewedBy(a.reviewedBy().orElse(""))
        .setReviewNote(a.reviewNote());
    a.reviewedAt().ifPresent(t -> b.setReviewedAt(ts(t)));
    return b.build();
  }

  static Appeal appeal(io.cordon.api.v1.Appeal a) {
    return new Appeal(a.getAppealId(), a.getViolationId(), subject(a.getAppellant()).orElseThrow(), a.getGrounds(),
        instant(a.getFiledAt()), AppealState.valueOf(a.getState()),
        a.getReviewedBy().isEmpty() ? Optional.empty() : Optional.of(a.getReviewedBy()),
        a.hasReviewedAt() ? Optional.of(instant(a.getReviewedAt())) : Optional.empty(), a.getReviewNote());
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
