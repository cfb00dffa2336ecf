package io.cordon.domain.registry;

import io.cordon.domain.validation.Problems;
import io.cordon.domain.validation.Result;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** A certificate as entered; {@link #validate()} checks it. */
public record CertificateForm(CertificateKind kind, String number, String licenceClass, LocalDate expiresOn) {

  /** 准驾车型 (GB/T 35655 / 机动车驾驶证申领和使用规定). */
  static final Set<String> LICENCE_CLASSES = Set.of(
      "A1", "A2", "A3", "B1", "B2", "C1", "C2", "C3", "C4", "C5", "C6", "D", "E", "F", "M", "N", "P");

  public Result<Certificate> validate() {
    Problems p = new Problems();
    p.require("kind", kind);
    Optional<String> num = p.text("number", number, 40);
    p.require("expiresOn", expiresOn);
    Optional<String> cls = Optional.empty();
    if (kind == CertificateKind.DRIVING_LICENCE) {
      if (licenceClass == null || licenceClass.isBlank()) {
        p.add("licenceClass", "is required for a driving licence");
      } else if (!LICENCE_CLASSES.contains(licenceClass.strip().toUpperCase(java.util.Locale.ROOT))) {
        p.add("licenceClass", "\"" + licenceClass + "\" is no driving-licence class (A1, A2, B2, C1…)");
      } else {
        cls = Optional.of(licenceClass.strip().toUpperCase(java.util.Locale.ROOT));
      }
    }
    Optional<String> c = cls;
    return p.result(() -> new Certificate(kind, num.orElseThrow(), c, expiresOn));
  }
}
