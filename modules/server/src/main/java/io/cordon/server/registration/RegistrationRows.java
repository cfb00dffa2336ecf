package io.cordon.server.registration;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The Hibernate adapters of the V6 tables. Each row keeps its object whole in {@code body} (base64 of
 * the binary cordon.v1 message, see {@link RegistrationProtos}) plus the columns queries need.
 */
final class RegistrationRows {

  private RegistrationRows() {
  }

  static List<Class<?>> classes() {
    return List.of(EnterpriseRow.class, EnterpriseAccountRow.class, PersonRow.class, VehicleRow.class,
        CounterRow.class, ApplicationRow.class, ApplicationPlateRow.class, PermitRow.class, ViolationRow.class,
        BlacklistEntryRow.class, AppealRow.class, ReviewerDepartmentRow.class);
  }

  @Entity(name = "RegEnterpriseRow")
  @Table(name = "reg_enterprise")
  static class EnterpriseRow {
    @Id
    @Column(name = "enterprise_id", length = 40)
    String enterpriseId;
    @Column(name = "name", nullable = false, length = 100)
    String name;
    @Column(name = "credit_code", nullable = false, length = 18)
    String creditCode;
    @Column(name = "version", nullable = false)
    long version;
    @Column(name = "body", nullable = false, length = 200_000)
    String body;
  }

  @Entity(name = "RegEnterpriseAccountRow")
  @Table(name = "reg_enterprise_account")
  static class EnterpriseAccountRow {
    @Id
    @Column(name = "username", length = 64)
    String username;
    @Column(name = "enterprise_id", nullable = false, length = 40)
    String enterpriseId;
  }

  @Entity(name = "RegPersonRow")
  @Table(name = "reg_person")
  static class PersonRow {
    @Id
    @Column(name = "person_id", length = 20)
    String personId;
    @Column(name = "id_number", nullable = false, length = 18)
    String idNumber;
    @Column(name = "name", nullable = false, length = 50)
    String name;
    @Column(name = "enterprise_id", length = 40)
    String enterpriseId;
    @Column(name = "role", nullable = false, length = 24)
    String role;
    @Column(name = "version", nullable = false)
    long version;
    @Column(name = "body", nullable = false, length = 100_000)
    String body;
  }

  @Entity(name = "RegVehicleRow")
  @Table(name = "reg_vehicle")
  static class VehicleRow {
    @Id
    @Column(name = "plate", length = 16)
    String plate;
    @Column(name = "vehicle_class", nullable = false, length = 16)
    String vehicleClass;
    @Column(name = "owner_id", nullable = false, length = 40)
    String ownerId;
    @Column(name = "vin", nullable = false, length = 17)
    String vin;
    @Column(name = "version", nullable = false)
    long version;
    @Column(name = "body", nullable = false, length = 20_000)
    String body;
  }

  @Entity(name = "RegCounterRow")
  @Table(name = "reg_counter")
  static class CounterRow {
    @Id
    @Column(name = "name", length = 16)
    String name;
    @Column(name = "last_value", nullable = false)
    long lastValue;
  }

  @Entity(name = "ApplicationRow")
  @Table(name = "appointment_application")
  static class ApplicationRow {
    @Id
    @Column(name = "application_id", length = 20)
    String applicationId;
    @Column(name = "kind", nullable = false, length = 32)
    String kind;
    @Column(name = "state", nullable = false, length = 16)
    String state;
    @Column(name = "applicant_id", nullable = false, length = 40)
    String applicantId;
    @Column(name = "host_id", nullable = false, length = 40)
    String hostId;
    @Column(name = "window_from", nullable = false)
    Instant windowFrom;
    @Column(name = "window_until", nullable = false)
    Instant windowUntil;
    @Column(name = "review_due")
    Instant reviewDue;
    @Column(name = "version", nullable = false)
    long version;
    @Column(name = "last_seq", nullable = false)
    long lastSeq;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "body", nullable = false, length = 1_000_000)
    String body;
  }

  @Embeddable
  static class ApplicationPlateKey implements Serializable {
    @Column(name = "application_id", length = 20)
    String applicationId;
    @Column(name = "plate", length = 16)
    String plate;

    ApplicationPlateKey() {
    }

    ApplicationPlateKey(String applicationId, String plate) {
      this.applicationId = applicationId;
      this.plate = plate;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ApplicationPlateKey k && k.applicationId.equals(applicationId) && k.plate.equals(plate);
    }

    @Override
    public int hashCode() {
      return Objects.hash(applicationId, plate);
    }
  }

  @Entity(name = "ApplicationPlateRow")
  @Table(name = "appointment_plate")
  static class ApplicationPlateRow {
    @EmbeddedId
    ApplicationPlateKey key;
  }

  @Entity(name = "PermitRow")
  @Table(name = "permit")
  static class PermitRow {
    @Id
    @Column(name = "permit_id", length = 20)
    String permitId;
    @Column(name = "application_id", nullable = false, length = 20)
    String applicationId;
    @Column(name = "host_id", nullable = false, length = 40)
    String hostId;
    @Column(name = "window_from", nullable = false)
    Instant windowFrom;
    @Column(name = "window_until", nullable = false)
    Instant windowUntil;
    @Column(name = "revoked_at")
    Instant revokedAt;
    @Column(name = "last_seq", nullable = false)
    long lastSeq;
    @Column(name = "body", nullable = false, length = 200_000)
    String body;
  }

  @Entity(name = "ViolationRow")
  @Table(name = "violation")
  static class ViolationRow {
    @Id
    @Column(name = "violation_id", length = 20)
    String violationId;
    @Column(name = "kind", nullable = false, length = 32)
    String kind;
    @Column(name = "occurred_at", nullable = false)
    Instant occurredAt;
    @Column(name = "person_id", length = 20)
    String personId;
    @Column(name = "plate", length = 16)
    String plate;
    @Column(name = "enterprise_id", length = 40)
    String enterpriseId;
    @Column(name = "overturned_at")
    Instant overturnedAt;
    @Column(name = "body", nullable = false, length = 100_000)
    String body;
  }

  @Entity(name = "BlacklistEntryRow")
  @Table(name = "blacklist_entry")
  static class BlacklistEntryRow {
    @Id
    @Column(name = "entry_id", length = 40)
    String entryId;
    @Column(name = "subject_kind", nullable = false, length = 16)
    String subjectKind;
    @Column(name = "subject_id", nullable = false, length = 40)
    String subjectId;
    @Column(name = "from_at", nullable = false)
    Instant fromAt;
    @Column(name = "until_at")
    Instant untilAt;
    @Column(name = "lifted_at")
    Instant liftedAt;
    @Column(name = "violation_id", length = 20)
    String violationId;
    @Column(name = "body", nullable = false, length = 20_000)
    String body;
  }

  @Entity(name = "AppealRow")
  @Table(name = "appeal")
  static class AppealRow {
    @Id
    @Column(name = "appeal_id", length = 20)
    String appealId;
    @Column(name = "violation_id", nullable = false, length = 20)
    String violationId;
    @Column(name = "state", nullable = false, length = 16)
    String state;
    @Column(name = "filed_at", nullable = false)
    Instant filedAt;
    @Column(name = "body", nullable = false, length = 20_000)
    String body;
  }

  @Embeddable
  static class ReviewerDepartmentKey implements Serializable {
    @Column(name = "username", length = 64)
    String username;
    @Column(name = "department", length = 32)
    String department;

    ReviewerDepartmentKey() {
    }

    ReviewerDepartmentKey(String username, String department) {
      this.username = username;
      this.department = department;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ReviewerDepartmentKey k && k.username.equals(username) && k.department.equals(department);
    }

    @Override
    public int hashCode() {
      return Objects.hash(username, department);
    }
  }

  @Entity(name = "ReviewerDepartmentRow")
  @Table(name = "reviewer_department")
  static class ReviewerDepartmentRow {
    @EmbeddedId
    ReviewerDepartmentKey key;
  }
}
