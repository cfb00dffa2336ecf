package io.cordon.domain.registry;

import io.cordon.domain.identity.PhoneNumber;
import io.cordon.domain.identity.ResidentIdNumber;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.validation.Problems;
import io.cordon.domain.validation.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A person as entered in a form or an import row. {@link #validate(PersonId)} answers the person
 * or every problem, e.g. {@code idNumber}, {@code certificates[0].expiresOn}.
 *
 * <p>Rules beyond each field's own format: employees, drivers and escorts belong to an enterprise;
 * an escort holds a dangerous-goods escort certificate; a driver holds a driving licence.
 */
public record PersonForm(String name, String idNumber, String phone, String enterpriseId, PersonRole role,
    String facePhoto, List<CertificateForm> certificates) {

  static final int MAX_NAME = 50;

  public PersonForm {
    certificates = certificates == null ? List.of() : List.copyOf(certificates);
  }

  public Result<Person> validate(PersonId id) {
    Problems p = new Problems();
    Optional<String> n = p.text("name", name, MAX_NAME);
    Optional<ResidentIdNumber> idNo = p.parse("idNumber", idNumber, ResidentIdNumber::parse);
    Optional<PhoneNumber> ph = p.parse("phone", phone, PhoneNumber::parse);
    p.require("role", role);
    Optional<EnterpriseId> ent = enterpriseId == null || enterpriseId.isBlank()
        ? Optional.empty() : Optional.of(new EnterpriseId(enterpriseId.strip()));
    if (ent.isEmpty() && role != null && role != PersonRole.VISITOR) {
      p.add("enterpriseId", "is required for " + role.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "s");
    }
    List<Certificate> certs = new ArrayList<>();
    for (int i = 0; i < certificates.size(); i++) {
      Result<Certificate> c = certificates.get(i).validate();
      if (c instanceof Result.Ok<Certificate> ok) {
        certs.add(ok.value());
      } else {
        p.addAll("certificates[" + i + "]", ((Result.Refused<Certificate>) c).refusal().errors());
      }
    }
    if (role == PersonRole.DRIVER && certificates.stream().noneMatch(c -> c.kind() == CertificateKind.DRIVING_LICENCE)) {
      p.add("certificates", "a driver needs a driving licence");
    }
    if (role == PersonRole.ESCORT
        && certificates.stream().noneMatch(c -> c.kind() == CertificateKind.DANGEROUS_GOODS_ESCORT)) {
      p.add("certificates", "an escort needs a dangerous-goods escort qualification (押运人员从业资格证)");
    }
    Optional<String> photo = facePhoto == null || facePhoto.isBlank() ? Optional.empty() : Optional.of(facePhoto.strip());
    return p.result(() -> new Person(id, n.orElseThrow(), idNo.orElseThrow(), ph.orElseThrow(), ent, role, photo, certs));
  }
}
