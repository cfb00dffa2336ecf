package io.cordon.client.registration;

import io.cordon.api.v1.CapacityFlag;
import io.cordon.api.v1.Certificate;
import io.cordon.api.v1.CertificateKind;
import io.cordon.api.v1.FieldReason;
import io.cordon.api.v1.Goods;
import io.cordon.api.v1.LaneClass;
import io.cordon.api.v1.RegistryPerson;
import io.cordon.api.v1.RegistryVehicle;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** The parts of an application a reviewer reads, one line each, with the field path a reason may name. */
public final class ReviewLines {
  /** The park's calendar (certificate and permit days are in it). */
  public static final ZoneId PARK_ZONE = ZoneId.of("Asia/Shanghai");

  private ReviewLines() {}

  /** Which part of the application a person is. */
  public enum PersonPart { DRIVER, ESCORT, PERSON }

  /** A "yyyy-MM-dd" day, empty when unset or malformed. */
  static Optional<LocalDate> day(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A certificate with its expiry; {@code lapses} when it is no longer valid on the last day of
   * the application's window (or today, if that is later).
   */
  public record CertificateLine(CertificateKind kind, String number, String licenceClass,
      Optional<LocalDate> expiresOn, boolean lapses) {
    static CertificateLine of(Certificate c, LocalDate mustHoldOn) {
      Optional<LocalDate> expires = day(c.getExpiresOn());
      return new CertificateLine(c.getKind(), c.getNumber(), c.getLicenceClass(), expires,
          expires.map(d -> d.isBefore(mustHoldOn)).orElse(false));
    }
  }

  /** A person as snapshotted in the application; the ID number comes masked from the server. */
  public record PersonLine(PersonPart part, String field, RegistryPerson person, List<CertificateLine> certificates) {
    public boolean anyLapses() {
      return certificates.stream().anyMatch(CertificateLine::lapses);
    }
  }

  /** A vehicle with its transport permit's expiry (required for dangerous goods). */
  public record VehicleLine(String field, RegistryVehicle vehicle, Optional<LocalDate> permitExpiresOn,
      boolean permitLapses) {}

  /** One line of goods: name, GB 6944 class, UN number, quantity. */
  public record GoodsLine(String field, Goods goods) {}

  /** What the automatic pre-checks say now. */
  public record Finding(Kind kind, String field, String text) {
    public enum Kind {
      /** The pre-checks would refuse it now (expired certificate, unknown UN number …). */
      MISTAKE,
      /** Grounds to reject: blacklisted subject, forbidden goods. */
      GROUND,
      /** Its window would exceed a capacity limit. */
      CAPACITY
    }

    static Finding of(Kind kind, FieldReason r) {
      return new Finding(kind, r.getField(), r.getReason());
    }

    static Finding of(CapacityFlag flag) {
      String text = flag.getText().isBlank()
          ? flag.getResource() + " " + flag.getPeak() + "/" + flag.getLimit() : flag.getText();
      return new Finding(Kind.CAPACITY, flag.getZoneId(), text);
    }
  }

  /** A lane the permit may open, ticked when it goes into the scope. */
  public record LaneChoice(String gateId, String gateName, String laneId, LaneClass laneClass, BooleanProperty selected) {
    LaneChoice(String gateId, String gateName, String laneId, LaneClass laneClass, boolean selected) {
      this(gateId, gateName, laneId, laneClass, new SimpleBooleanProperty(selected));
    }
  }

  /** A zone the permit may allow; ticking a core zone is its explicit authorisation. */
  public record ZoneChoice(String zoneId, String name, boolean core, BooleanProperty selected) {
    ZoneChoice(String zoneId, String name, boolean core, boolean selected) {
      this(zoneId, name, core, new SimpleBooleanProperty(selected));
    }
  }
}
