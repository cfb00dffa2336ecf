package io.cordon.domain.appointment;

/** What is applied for; each kind has its own rules and workflow. */
public enum ApplicationKind {
  /** 长期注册: staff and commuter vehicles of an enterprise in the park; the enterprise applies, the park reviews. */
  LONG_TERM_REGISTRATION,
  /** 访客: the visited enterprise applies, confirms, the park reviews. */
  VISITOR,
  /** 危险化学品运输车辆入园: vehicle, driver, escort, goods, window, route, loading point; joint review. */
  HAZMAT_DELIVERY,
  /** 危险废物运输车辆入园: like a hazmat delivery, goods with waste codes. */
  HAZWASTE_DELIVERY,
  /** 普通货物运输车辆及其他车辆. */
  FREIGHT,
  /** 工程施工: construction crews and their vehicles (guideline §5.2.7). */
  CONSTRUCTION;

  public boolean dangerousGoods() {
    return this == HAZMAT_DELIVERY || this == HAZWASTE_DELIVERY;
  }

  /** A single vehicle with its driver on a time window. */
  public boolean delivery() {
    return dangerousGoods() || this == FREIGHT;
  }
}
