package io.cordon.domain.appointment;

import io.cordon.domain.appointment.ApplicationContent.Named;
import io.cordon.domain.hazmat.Goods;
import io.cordon.domain.hazmat.GoodsCheck;
import io.cordon.domain.park.Enterprise;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ZoneId;
import io.cordon.domain.permit.TimeWindow;
import io.cordon.domain.registry.Certificate;
import io.cordon.domain.registry.CertificateKind;
import io.cordon.domain.registry.Person;
import io.cordon.domain.registry.RegisteredVehicle;
import io.cordon.domain.registry.TransportPermit;
import io.cordon.domain.validation.FieldError;
import io.cordon.domain.validation.Problems;
import io.cordon.domain.vehicle.VehicleClass;
import io.cordon.domain.violation.BlacklistEntry;
import io.cordon.domain.violation.Subject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The automatic checks run on submission, before any reviewer looks.
 *
 * <p>{@link #mistakes} are problems the applicant can fix: missing parts, wrong vehicle classes,
 * lead time too short, certificates or transport permits not valid through the window, unknown UN
 * numbers or wrong classes, unknown loading point or zones, the vehicle already booked in an
 * overlapping window. They refuse the submission.
 *
 * <p>{@link #grounds} are reasons to reject: a blacklisted person, vehicle or enterprise during the
 * window, or goods the park forbids. The application is then rejected by the system, so that the
 * attempt stays on record.
 */
public final class PreChecks {

  private PreChecks() {
  }

  public static List<FieldError> mistakes(ApplicationId id, ApplicationKind kind, EnterpriseId applicant,
      ApplicationContent c, Instant firstSubmittedAt, CheckContext ctx) {
    KindRules rules = ctx.rules().of(kind);
    Problems p = new Problems();
    required(rules.required(), c, p);
    if (c.people().isEmpty() && c.vehicles().isEmpty() && c.driver().isEmpty()) {
      p.add("people", "name at least one person or vehicle");
    }
    if ((kind == ApplicationKind.VISITOR || kind == ApplicationKind.LONG_TERM_REGISTRATION)
        && !c.host().equals(applicant)) {
      p.add("host", "the " + (kind == ApplicationKind.VISITOR ? "visited" : "employing")
          + " enterprise applies itself, not " + applicant);
    }
    window(rules, c.window(), firstSubmittedAt, p);
    vehicles(kind, c, p);
    LocalDate lastDay = LocalDate.ofInstant(c.window().until().minusNanos(1), ctx.rules().zone());
    people(kind, c, lastDay, p);
    if (!c.goods().isEmpty()) {
      p.addAll("goods", GoodsCheck.mistakes(c.goods(), ctx.catalogue()));
    }
    if (kind == ApplicationKind.HAZWASTE_DELIVERY) {
      for (int i = 0; i < c.goods().size(); i++) {
        Goods g = c.goods().get(i);
        if (g.wasteCode().isEmpty()) {
          p.add("goods[" + i + "].wasteCode", "is required for hazardous waste (e.g. HW08)");
        } else if (!g.wasteCode().get().matches("HW[0-9]{2}")) {
          p.add("goods[" + i + "].wasteCode", "must be HW and two digits, e.g. HW08");
        }
      }
    }
    park(c, ctx.park(), p);
    p.addAll("", overlaps(id, c, ctx.bookings()));
    return p.list();
  }

  public static List<FieldError> grounds(EnterpriseId applicant, ApplicationContent c, CheckContext ctx) {
    Problems p = new Problems();
    TimeWindow w = c.window();
    blacklisted("applicant", Subject.enterprise(applicant), w, ctx, p);
    if (!c.host().equals(applicant)) {
      blacklisted("host", Subject.enterprise(c.host()), w, ctx, p);
    }
    for (Named<Person> n : c.namedPeople()) {
      blacklisted(n.field(), Subject.person(n.value().id()), w, ctx, p);
      Optional<EnterpriseId> e = n.value().enterprise();
      if (e.isPresent() && !e.get().equals(applicant) && !e.get().equals(c.host())) {
        blacklisted(n.field() + ".enterprise", Subject.enterprise(e.get()), w, ctx, p);
      }
    }
    for (int i = 0; i < c.vehicles().size(); i++) {
      RegisteredVehicle v = c.vehicles().get(i);
      blacklisted("vehicles[" + i + "].plate", Subject.vehicle(v.plate()), w, ctx, p);
      if (!v.owner().equals(applicant) && !v.owner().equals(c.host())) {
        blacklisted("vehicles[" + i + "].owner", Subject.enterprise(v.owner()), w, ctx, p);
      }
    }
    p.addAll("goods", GoodsCheck.forbidden(c.goods(), ctx.catalogue()));
    return p.list();
  }

  private static void required(Set<RequiredField> required, ApplicationContent c, Problems p) {
    for (RequiredField f : required) {
      boolean missing;
      switch (f) {
        case PEOPLE:
          missing = c.people().isEmpty();
          break;
        case VEHICLES:
          missing = c.vehicles().isEmpty();
          break;
        case DRIVER:
          missing = c.driver().isEmpty();
          break;
        case ESCORT:
          missing = c.escort().isEmpty();
          break;
        case GOODS:
          missing = c.goods().isEmpty();
          break;
        case ROUTE:
          missing = c.route().isEmpty();
          break;
        case LOADING_POINT:
          missing = c.loadingPoint().isEmpty();
          break;
        default:
          missing = c.purpose().isBlank();
      }
      if (missing) {
        p.add(f.path(), "is required");
      }
    }
  }

  private static void window(KindRules rules, TimeWindow w, Instant submittedAt, Problems p) {
    if (w.length().compareTo(rules.maxWindow()) > 0) {
      p.add("window.until", "the window may last at most " + hours(rules.maxWindow()) + ", not " + hours(w.length()));
    }
    Duration lead = Duration.between(submittedAt, w.from());
    if (lead.compareTo(rules.leadTime()) < 0) {
      p.add("window.from", "must be at least " + hours(rules.leadTime()) + " after submission ("
          + (lead.isNegative() ? "it is in the past" : "it is " + hours(lead)) + ")");
    }
  }

  private static void vehicles(ApplicationKind kind, ApplicationContent c, Problems p) {
    if (kind.delivery() && c.vehicles().size() > 1) {
      p.add("vehicles", "a delivery names exactly one vehicle");
    }
    Set<VehicleClass> allowed;
    switch (kind) {
      case HAZMAT_DELIVERY:
        allowed = EnumSet.of(VehicleClass.HAZMAT);
        break;
      case HAZWASTE_DELIVERY:
        allowed = EnumSet.of(VehicleClass.HAZWASTE);
        break;
      case LONG_TERM_REGISTRATION:
        allowed = EnumSet.of(VehicleClass.COMMUTER, VehicleClass.ORDINARY);
        break;
      case CONSTRUCTION:
        allowed = EnumSet.of(VehicleClass.CONSTRUCTION, VehicleClass.ORDINARY);
        break;
      default:
        allowed = EnumSet.of(VehicleClass.ORDINARY, VehicleClass.COMMUTER, VehicleClass.CONSTRUCTION);
    }
    for (int i = 0; i < c.vehicles().size(); i++) {
      RegisteredVehicle v = c.vehicles().get(i);
      if (!allowed.contains(v.vehicleClass())) {
        p.add("vehicles[" + i + "].vehicleClass", "a " + v.vehicleClass().name().toLowerCase()
            + " vehicle cannot come on a " + kind.name().toLowerCase().replace('_', ' ') + " application");
      }
    }
  }

  private static void people(ApplicationKind kind, ApplicationContent c, LocalDate lastDay, Problems p) {
    if (c.driver().isPresent() && c.escort().isPresent() && c.driver().get().id().equals(c.escort().get().id())) {
      p.add("escort", "must be someone other than the driver");
    }
    if (c.driver().isPresent()) {
      certificate("driver", c.driver().get(), CertificateKind.DRIVING_LICENCE, lastDay, p);
      if (kind.dangerousGoods()) {
        certificate("driver", c.driver().get(), CertificateKind.DANGEROUS_GOODS_DRIVER, lastDay, p);
      }
    }
    if (c.escort().isPresent() && kind.dangerousGoods()) {
      certificate("escort", c.escort().get(), CertificateKind.DANGEROUS_GOODS_ESCORT, lastDay, p);
    }
    if (kind.dangerousGoods()) {
      for (int i = 0; i < c.vehicles().size(); i++) {
        Optional<TransportPermit> tp = c.vehicles().get(i).transportPermit();
        String f = "vehicles[" + i + "].transportPermit";
        if (tp.isEmpty()) {
          p.add(f, "a dangerous-goods vehicle needs a transport permit (道路运输证)");
        } else if (!tp.get().validThrough(lastDay)) {
          p.add(f + ".expiresOn", "expires on " + tp.get().expiresOn() + ", before the window ends on " + lastDay);
        }
      }
    }
  }

  private static void certificate(String field, Person person, CertificateKind kind, LocalDate lastDay, Problems p) {
    List<Integer> indexes = person.certificateIndexes(kind);
    String what = kind.name().toLowerCase().replace('_', ' ');
    if (indexes.isEmpty()) {
      p.add(field + ".certificates", "needs a " + what + " certificate");
      return;
    }
    int best = indexes.get(0);
    Certificate cert = person.certificates().get(best);
    if (!cert.validThrough(lastDay)) {
      p.add(field + ".certificates[" + best + "].expiresOn", "the " + what + " certificate expires on "
          + cert.expiresOn() + ", before the window ends on " + lastDay);
    }
  }

  private static void park(ApplicationContent c, Park park, Problems p) {
    Optional<Enterprise> host = park.enterprises().stream().filter(e -> e.id().equals(c.host())).findFirst();
    if (host.isEmpty()) {
      p.add("host", "enterprise " + c.host() + " is not in the park");
    } else if (c.loadingPoint().isPresent()
        && host.get().loadingPoints().stream().noneMatch(lp -> lp.id().equals(c.loadingPoint().get()))) {
      p.add("loadingPoint", c.host() + " has no loading point " + c.loadingPoint().get());
    }
    for (int i = 0; i < c.requestedZones().size(); i++) {
      ZoneId z = c.requestedZones().get(i);
      if (park.zone(z).isEmpty()) {
        p.add("requestedZones[" + i + "]", "zone " + z + " is not in the park");
      }
    }
  }

  static List<FieldError> overlaps(ApplicationId own, ApplicationContent c, VehicleBookings bookings) {
    Problems p = new Problems();
    for (int i = 0; i < c.vehicles().size(); i++) {
      RegisteredVehicle v = c.vehicles().get(i);
      for (Booking b : bookings.of(v.plate())) {
        if (!b.application().equals(own) && b.window().overlaps(c.window())) {
          p.add("window", "vehicle " + v.plate() + " is already booked " + b.window() + " by application "
              + b.application());
        }
      }
    }
    return p.list();
  }

  private static void blacklisted(String field, Subject s, TimeWindow w, CheckContext ctx, Problems p) {
    for (BlacklistEntry e : ctx.blacklist().activeDuring(s, w)) {
      p.add(field, s + " is blacklisted " + e.end().map(u -> "until " + u).orElse("indefinitely") + ": "
          + e.reason());
    }
  }

  private static String hours(Duration d) {
    long minutes = d.toMinutes();
    return minutes % 60 == 0 ? minutes / 60 + " h" : String.format("%d h %02d min", minutes / 60, minutes % 60);
  }
}
