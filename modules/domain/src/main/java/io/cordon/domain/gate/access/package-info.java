/**
 * Gate access (门禁/卡口出入管理, guideline §5.2.2, §5.2.4, §7.1.2, §7.3): the pure decision whether a
 * holder may pass a lane of a gate now ({@link io.cordon.domain.gate.access.GateAccessPolicy}), the
 * per-lane matching of loop-detector passages to decisions ({@link io.cordon.domain.gate.access.LanePassages})
 * and who is inside the park ({@link io.cordon.domain.gate.access.ParkOccupancy}). No I/O, no clocks.
 */
package io.cordon.domain.gate.access;
