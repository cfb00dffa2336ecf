package io.cordon.domain.registry;

/** Qualifications a driver or escort shows. */
public enum CertificateKind {
  /** 机动车驾驶证, with its class (A1, A2, B2, C1…). */
  DRIVING_LICENCE,
  /** 道路危险货物运输从业资格证, 驾驶人员. */
  DANGEROUS_GOODS_DRIVER,
  /** 道路危险货物运输从业资格证, 押运人员. */
  DANGEROUS_GOODS_ESCORT
}
