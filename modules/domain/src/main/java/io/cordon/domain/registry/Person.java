package io.cordon.domain.registry;

import io.cordon.domain.identity.PhoneNumber;
import io.cordon.domain.identity.ResidentIdNumber;
import io.cordon.domain.park.EnterpriseId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered person: staff, driver, escort, visitor or construction worker. {@code enterprise} is
 * the enterprise they work for (in the park or a transport company), empty for a private visitor.
 * {@code facePhoto} references the stored photo the gates' face recognition enrols.
 */
public record Person(PersonId id, String name, ResidentIdNumber idNumber, PhoneNumber phone,
    Optional<EnterpriseId> enterprise, PersonRole role, Optional<String> facePhoto, List<Certificate> certificates) {

  public Person {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(idNumber, "idNumber");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(enterprise, "enterprise");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(facePhoto, "facePhoto");
    certificates = List.copyOf(certificates);
  }

  /** The certificates of a kind, the longest-valid first, with their positions in {@link #certificates()}. */
  public List<Integer> certificateIndexes(CertificateKind kind) {
    return java.util.stream.IntStream.range(0, certificates.size())
        .filter(i -> certificates.get(i).kind() == kind).boxed()
        .sorted(Comparator.comparing((Integer i) -> certificates.get(i).expiresOn()).reversed())
        .toList();
  }

  /** The longest-valid certificate of a kind, if any. */
  public Optional<Certificate> certificate(CertificateKind kind) {
    return certificateIndexes(kind).stream().findFirst().map(certificates::get);
  }
}
