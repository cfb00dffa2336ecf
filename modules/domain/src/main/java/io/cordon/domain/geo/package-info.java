/**
 * Small pure geometry helpers for WGS84 positions (x = longitude, y = latitude, degrees): the
 * shared geometry factory and a local metric projection for distances, areas and tolerances.
 */
package io.cordon.domain.geo;
