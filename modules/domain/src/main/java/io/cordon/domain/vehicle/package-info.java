/** Vehicles of the park: classes and plates (车牌). */
package io.cordon.domain.vehicle;
