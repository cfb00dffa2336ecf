/**
 * The park model (guideline §6.3, §7.1): perimeter, control zones, gates with lanes, roads,
 * cameras, sensors, parking lots and enterprises. Geometry is JTS in WGS84 with x = longitude
 * and y = latitude (degrees).
 */
package io.cordon.domain.park;
