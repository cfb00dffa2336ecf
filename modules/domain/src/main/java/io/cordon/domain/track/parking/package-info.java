/**
 * The hazardous-goods vehicle parking lot (危险物品运输车辆停车场, guideline §7.1.6): who is in it,
 * occupancy against capacity, overflow and overstay, and the dispatch queue that releases waiting
 * vehicles to their loading points a few at a time so that dangerous-goods vehicles do not pile up
 * inside the park (§7.1.6.1 a 统一管理、科学调度, §7.1.6.4 调度调控). Pure: commands in, events or a refusal out.
 */
package io.cordon.domain.track.parking;
