/**
 * Rules on a dangerous-goods vehicle's positions (guideline §5.2.4, §5.2.10 b, §6.4 a, §6.5.2,
 * §7.2.5): route deviation, overspeed, forbidden zones, lingering, time window, overstay, signal
 * lost and the terminal's own alarm bits.
 *
 * <p>{@link io.cordon.domain.track.rules.ParkGeometry} projects a park once into a metric plane
 * with spatial indexes; {@link io.cordon.domain.track.rules.TrackRuleEngine} evaluates one fix (or
 * a clock tick) against a vehicle's small mutable {@link io.cordon.domain.track.rules.VehicleRuleState}
 * and returns the violations that start and end there. Every rule is a named policy with settings,
 * a minimum duration before it starts and a separate (lower) condition before it ends, so GPS noise
 * of 20–100 m does not make it flap. Pure: no I/O, no clock — time comes with the fix or the tick.
 */
package io.cordon.domain.track.rules;
