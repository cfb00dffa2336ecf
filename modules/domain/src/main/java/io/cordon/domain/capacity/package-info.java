/**
 * Capacity control (guideline §5.2.4, 总量控制): configured maxima of people and vehicles in the park and
 * of dangerous-goods vehicles per zone, and the check that flags an application whose window would
 * exceed them given the already-approved ones. Flags inform the reviewer; they do not refuse.
 */
package io.cordon.domain.capacity;
