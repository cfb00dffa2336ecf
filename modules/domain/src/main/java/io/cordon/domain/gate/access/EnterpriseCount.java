package io.cordon.domain.gate.access;

/** People and vehicles of one enterprise inside the park. */
public record EnterpriseCount(int people, int vehicles) {
}
