package io.cordon.domain.appointment;

/** The park's departments that review applications. */
public enum Department {
  /** 安全管理部: the first review of every application. */
  SAFETY,
  /** 应急管理部门: joint review of dangerous-goods deliveries (emergency measures). */
  EMERGENCY_MANAGEMENT,
  /** 环保部门: joint review of dangerous-goods deliveries (environmental impact). */
  ENVIRONMENTAL_PROTECTION
}
