package io.cordon.server.registration;

import io.cordon.api.v1.Certificate;
import io.cordon.api.v1.CertificateKind;
import io.cordon.api.v1.ImportFormat;
import io.cordon.api.v1.ImportKind;
import io.cordon.api.v1.ImportRegistryRequest;
import io.cordon.api.v1.ImportReport;
import io.cordon.api.v1.PersonRole;
import io.cordon.api.v1.PlateColor;
import io.cordon.api.v1.RegistryContact;
import io.cordon.api.v1.RegistryEnterprise;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryVehicle;
import io.cordon.api.v1.RowError;
import io.cordon.api.v1.TransportPermit;
import io.cordon.api.v1.VehicleClass;
import io.cordon.domain.registry.PersonId;
import io.cordon.domain.validation.FieldError;
import io.cordon.domain.vehicle.Plate;
import io.cordon.server.event.JournalAppend;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Batch import of the registry from CSV or XLSX (its first sheet, read into the same text records
 * by {@link XlsxSheet}, so both go through the same row checks), all or nothing: every row is checked with the same rules
 * as a single save (and against the other rows: a key twice in one file), and only when no row has
 * a problem are all saved, in one transaction with one {@code registry.imported} event.
 */
final class RegistryImport {

  static final int MAX_BYTES = 4_000_000;
  static final int MAX_ROWS = 10_000;
  static final int MAX_CELL = 1000;

  private final RegistryGrpcService registry;
  private final RegistrationStore store;
  private final Clock clock;

  RegistryImport(RegistryGrpcService registry, RegistrationStore store, Clock clock) {
    this.registry = registry;
    this.store = store;
    this.clock = clock;
  }

  ImportReport run(ImportRegistryRequest request, Caller caller) {
    String key = Rpc.key("import", caller, request.getRequestId());
    if (request.getKind() == ImportKind.IMPORT_KIND_UNSPECIFIED || request.getKind() == ImportKind.UNRECOGNIZED) {
      throw RegistrationException.invalid("kind", "is required: ENTERPRISES, PEOPLE or VEHICLES");
    }
    if (request.getFormat() == ImportFormat.UNRECOGNIZED) {
      throw RegistrationException.invalid("format", "must be CSV or XLSX");
    }
    if (request.getContent().isEmpty() || request.getContent().size() > MAX_BYTES) {
      throw RegistrationException.invalid("content", "must be 1.." + MAX_BYTES + " bytes");
    }
    if (request.getKind() == ImportKind.IMPORT_KIND_ENTERPRISES && !caller.staff()) {
      throw RegistrationException.denied("enterprises are imported by park staff");
    }
    List<List<String>> records;
    try {
      records = request.getFormat() == ImportFormat.IMPORT_FORMAT_XLSX
          ? XlsxSheet.firstSheet(request.getContent().toByteArray(), MAX_ROWS + 1)
          : Csv.parse(utf8(request.getContent().toByteArray()));
    } catch (IllegalArgumentException e) {
      throw RegistrationException.invalid("content", e.getMessage());
    }
    if (records.isEmpty()) {
      throw RegistrationException.invalid("content", "has no header row");
    }
    if (records.size() - 1 > MAX_ROWS) {
      throw RegistrationException.invalid("content", "at most " + MAX_ROWS + " rows, not " + (records.size() - 1));
    }
    Header header = new Header(records.get(0));
    List<List<String>> rows = records.subList(1, records.size());
    if (store.wasProcessed(key)) {
      return ImportReport.newBuilder().setImported(true).setRows(rows.size()).build();
    }
    List<RowError> errors = new ArrayList<>();
    List<String> missing = header.missing(required(request.getKind()));
    if (!missing.isEmpty()) {
      missing.forEach(c -> errors.add(RowError.newBuilder().setRow(0).setField(c).setReason("column missing").build()));
      return ImportReport.newBuilder().setRows(rows.size()).addAllErrors(errors).build();
    }
    switch (request.getKind()) {
      case IMPORT_KIND_ENTERPRISES:
        return enterprises(key, header, rows, caller);
      case IMPORT_KIND_PEOPLE:
        return people(key, header, rows, caller);
      default:
        return vehicles(key, header, rows, caller);
    }
  }

  private static List<String> required(ImportKind kind) {
    switch (kind) {
      case IMPORT_KIND_ENTERPRISES:
        return List.of("enterprise_id", "name", "credit_code", "contact_name", "contact_position", "contact_phone");
      case IMPORT_KIND_PEOPLE:
        return List.of("name", "id_number", "phone", "enterprise_id", "role");
      default:
        return List.of("plate", "plate_color", "vehicle_class", "vin", "owner_id");
    }
  }

  // ---- per kind -------------------------------------------------------------------------------

  private ImportReport enterprises(String key, Header h, List<List<String>> rows, Caller caller) {
    List<RowError> errors = new ArrayList<>();
    List<RegistryEnterprise> ok = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int updated = 0;
    for (int i = 0; i < rows.size(); i++) {
      Row r = new Row(h, rows.get(i));
      RegistryEnterprise e = RegistryEnterprise.newBuilder().setEnterpriseId(r.get("enterprise_id"))
          .setName(r.get("name")).setCreditCode(r.get("credit_code"))
          .addContacts(RegistryContact.newBuilder().setName(r.get("contact_name"))
              .setPosition(r.get("contact_position")).setPhone(r.get("contact_phone")))
          .addAllLoadingPoints(r.list("loading_points")).build();
      List<FieldError> problems = new ArrayList<>(r.problems());
      problems.addAll(registry.enterpriseProblems(e, ""));
      if (!e.getEnterpriseId().isBlank() && !seen.add(e.getEnterpriseId().strip())) {
        problems.add(new FieldError("enterprise_id", e.getEnterpriseId() + " is in the file twice"));
      }
      if (report(i, problems, errors)) {
        Optional<RegistryEnterprise> old = store.enterprise(e.getEnterpriseId().strip());
        // an import keeps the accounts linked before: the file has no column for them
        RegistryEnterprise withAccounts = old.map(o -> e.toBuilder().addAllApplicantUsernames(
            o.getApplicantUsernamesList()).build()).orElse(e);
        ok.add(registry.checkedEnterprise(withAccounts, ""));
        updated += old.isPresent() ? 1 : 0;
      }
    }
    return finish(key, "enterprises", rows.size(), errors, ok.size() - updated, updated, caller,
        (session) -> ok.forEach(e -> RegistrationStore.saveEnterprise(session, e)));
  }

  private ImportReport people(String key, Header h, List<List<String>> rows, Caller caller) {
    List<RowError> errors = new ArrayList<>();
    List<RegistryPerson> checked = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = new Row(h, rows.get(i));
      RegistryPerson.Builder b = RegistryPerson.newBuilder().setName(r.get("name")).setIdNumber(r.get("id_number"))
          .setPhone(r.get("phone")).setEnterpriseId(r.get("enterprise_id")).setFacePhoto(r.get("face_photo"))
          .setRole(r.enumValue("role", "PERSON_ROLE_", PersonRole::valueOf, PersonRole.PERSON_ROLE_UNSPECIFIED));
      for (String suffix : List.of("", "_2", "_3")) {
        if (!r.get("certificate_kind" + suffix).isEmpty() || !r.get("certificate_number" + suffix).isEmpty()) {
          b.addCertificates(Certificate.newBuilder()
              .setKind(r.enumValue("certificate_kind" + suffix, "CERTIFICATE_KIND_", CertificateKind::valueOf,
                  CertificateKind.CERTIFICATE_KIND_UNSPECIFIED))
              .setNumber(r.get("certificate_number" + suffix)).setLicenceClass(r.get("licence_class" + suffix))
              .setExpiresOn(r.get("certificate_expires_on" + suffix)));
        }
      }
      RegistryPerson p = b.build();
      String normalised = p.getIdNumber().replace(" ", "").toUpperCase(Locale.ROOT);
      String existing = normalised.isEmpty() ? "" : store.personIdByIdNumber(normalised).orElse("");
      List<FieldError> problems = new ArrayList<>(r.problems());
      problems.addAll(registry.personProblems(p, existing, ""));
      if (!normalised.isEmpty() && !seen.add(normalised)) {
        problems.add(new FieldError("id_number", "is in the file twice"));
      }
      if (problems.isEmpty()) {
        try {
          registry.mayWrite(caller, p.getEnterpriseId().strip(), p.getRole());
        } catch (RegistrationException e) {
          problems.add(new FieldError("enterprise_id", "is not your enterprise"));
        }
      }
      if (report(i, problems, errors)) {
        checked.add(p);
        ids.add(existing);
      }
    }
    List<RegistryPerson> ok = new ArrayList<>();
    int updated = 0;
    if (errors.isEmpty()) {
      for (int i = 0; i < checked.size(); i++) {
        String id = ids.get(i).isEmpty() ? store.nextId("P") : ids.get(i);
        long version = ids.get(i).isEmpty() ? 1 : store.person(id).map(RegistryPerson::getVersion).orElse(0L) + 1;
        updated += ids.get(i).isEmpty() ? 0 : 1;
        ok.add(RegistrationProtos.toProto(RegistrationProtos.person(checked.get(i), new PersonId(id)).orElseThrow(),
            version, false));
      }
    }
    return finish(key, "people", rows.size(), errors, ok.size() - updated, updated, caller,
        (session) -> ok.forEach(p -> RegistrationStore.savePerson(session, p)));
  }

  private ImportReport vehicles(String key, Header h, List<List<String>> rows, Caller caller) {
    List<RowError> errors = new ArrayList<>();
    List<RegistryVehicle> ok = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int updated = 0;
    for (int i = 0; i < rows.size(); i++) {
      Row r = new Row(h, rows.get(i));
      RegistryVehicle.Builder b = RegistryVehicle.newBuilder().setPlate(r.get("plate"))
          .setPlateColor(r.enumValue("plate_color", "PLATE_COLOR_", PlateColor::valueOf,
              PlateColor.PLATE_COLOR_UNSPECIFIED))
          .setVehicleClass(r.enumValue("vehicle_class", "VEHICLE_CLASS_", VehicleClass::valueOf,
              VehicleClass.VEHICLE_CLASS_UNSPECIFIED))
          .setVin(r.get("vin")).setOwnerId(r.get("owner_id"));
      if (!r.get("transport_permit_number").isEmpty() || !r.get("transport_permit_expires_on").isEmpty()) {
        b.setTransportPermit(TransportPermit.newBuilder().setNumber(r.get("transport_permit_number"))
            .setExpiresOn(r.get("transport_permit_expires_on")));
      }
      RegistryVehicle v = b.build();
      List<FieldError> problems = new ArrayList<>(r.problems());
      problems.addAll(registry.vehicleProblems(v, ""));
      String plate = Plate.isValid(v.getPlate()) ? Plate.parse(v.getPlate()).value() : "";
      if (!plate.isEmpty() && !seen.add(plate)) {
        problems.add(new FieldError("plate", plate + " is in the file twice"));
      }
      Optional<RegistryVehicle> old = plate.isEmpty() ? Optional.empty() : store.vehicle(plate);
      if (problems.isEmpty()) {
        try {
          registry.mayWrite(caller, v.getOwnerId().strip(), PersonRole.PERSON_ROLE_EMPLOYEE);
          if (old.isPresent()) {
            registry.mayWrite(caller, old.get().getOwnerId(), PersonRole.PERSON_ROLE_EMPLOYEE);
          }
        } catch (RegistrationException e) {
          problems.add(new FieldError("owner_id", "is not your enterprise"));
        }
      }
      if (report(i, problems, errors)) {
        ok.add(RegistrationProtos.toProto(RegistrationProtos.vehicle(v).orElseThrow(),
            old.map(RegistryVehicle::getVersion).orElse(0L) + 1));
        updated += old.isPresent() ? 1 : 0;
      }
    }
    return finish(key, "vehicles", rows.size(), errors, ok.size() - updated, updated, caller,
        (session) -> ok.forEach(v -> RegistrationStore.saveVehicle(session, v)));
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** Adds the row's problems to the report; true when it has none. */
  private static boolean report(int index, List<FieldError> problems, List<RowError> errors) {
    for (FieldError e : problems) {
      errors.add(RowError.newBuilder().setRow(index + 1).setField(RegistrationProtos.snake(e.field()))
          .setReason(e.reason()).build());
    }
    return problems.isEmpty();
  }

  private ImportReport finish(String key, String kind, int rows, List<RowError> errors, int created, int updated,
      Caller caller, java.util.function.Consumer<org.hibernate.Session> save) {
    ImportReport.Builder report = ImportReport.newBuilder().setRows(rows);
    if (!errors.isEmpty()) {
      return report.setImported(false).addAllErrors(errors).build();
    }
    store.commit(List.of(JournalAppend.once(key, RegistrationEvents.imported(kind, created, updated, caller.name(),
        clock.instant()))), (session, appended) -> {
          if (appended.get(0).isNew()) {
            save.accept(session);
          }
        });
    return report.setImported(true).setCreated(created).setUpdated(updated).build();
  }

  private static String utf8(byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw RegistrationException.invalid("content", "is not UTF-8 text (save the CSV as UTF-8)");
    }
  }

  /** Column positions by name (lower case, trimmed). */
  private static final class Header {
    private final Map<String, Integer> index = new HashMap<>();

    Header(List<String> names) {
      for (int i = 0; i < names.size(); i++) {
        index.putIfAbsent(names.get(i).strip().toLowerCase(Locale.ROOT), i);
      }
    }

    List<String> missing(List<String> required) {
      return required.stream().filter(c -> !index.containsKey(c)).toList();
    }

    Optional<Integer> of(String column) {
      return Optional.ofNullable(index.get(column));
    }
  }

  /** One data row: cells by column name, with problems of the cells themselves (too long, bad enum). */
  private static final class Row {
    private final Header header;
    private final List<String> cells;
    private final List<FieldError> problems = new ArrayList<>();

    Row(Header header, List<String> cells) {
      this.header = header;
      this.cells = cells;
    }

    String get(String column) {
      Optional<Integer> i = header.of(column);
      if (i.isEmpty() || i.get() >= cells.size()) {
        return "";
      }
      String v = cells.get(i.get()).strip();
      if (v.length() > MAX_CELL) {
        problems.add(new FieldError(column, "must be at most " + MAX_CELL + " characters"));
        return "";
      }
      return v;
    }

    List<String> list(String column) {
      String v = get(column);
      return v.isEmpty() ? List.of() : Arrays.stream(v.split(";")).map(String::strip).toList();
    }

    <E> E enumValue(String column, String prefix, Function<String, E> valueOf, E unspecified) {
      String v = get(column).toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
      if (v.isEmpty()) {
        return unspecified;
      }
      try {
        return valueOf.apply(v.startsWith(prefix) ? v : prefix + v);
      } catch (IllegalArgumentException e) {
        problems.add(new FieldError(column, "\"" + get(column) + "\" is not a known value"));
        return unspecified;
      }
    }

    List<FieldError> problems() {
      return problems;
    }
  }

  /** RFC 4180 CSV: commas, double quotes (doubled inside quotes), CRLF or LF; blank lines skipped. */
  static final class Csv {
    private Csv() {
    }

    static List<List<String>> parse(String text) {
      List<List<String>> records = new ArrayList<>();
      List<String> record = new ArrayList<>();
      StringBuilder cell = new StringBuilder();
      boolean quoted = false;
      boolean any = false;
      int line = 1;
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (quoted) {
          if (c == '"') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
              cell.append('"');
              i++;
            } else {
              quoted = false;
            }
          } else {
            if (c == '\n') {
              line++;
            }
            cell.append(c);
          }
        } else if (c == '"') {
          quoted = true;
          any = true;
        } else if (c == ',') {
          record.add(cell.toString());
          cell.setLength(0);
          any = true;
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          line++;
          if (any || cell.length() > 0) {
            record.add(cell.toString());
            records.add(record);
          }
          record = new ArrayList<>();
          cell.setLength(0);
          any = false;
        } else {
          cell.append(c);
          any = true;
        }
      }
      if (quoted) {
        throw new IllegalArgumentException("a quoted cell starting before line " + line + " is never closed");
      }
      if (any || cell.length() > 0) {
        record.add(cell.toString());
        records.add(record);
      }
      return records;
    }
  }
}
