/**
 * A virtual park that talks to the server only through device-facing RPCs: {@link
 * io.cordon.simulator.ParkSimulator} plays the perimeter sensors. (The generator of park data
 * lives in {@code io.cordon.simulator.parkgen}.)
 */
package io.cordon.simulator;
