package io.cordon.domain.registry;

/** Why a person comes to the park. */
public enum PersonRole {
  /** 企业员工: staff of an enterprise in the park. */
  EMPLOYEE,
  /** 驾驶员. */
  DRIVER,
  /** 押运员: escort of a dangerous-goods vehicle. */
  ESCORT,
  /** 访客. */
  VISITOR,
  /** 施工作业人员. */
  CONSTRUCTION_WORKER
}
