package io.cordon.domain.appointment;

import io.cordon.domain.vehicle.Plate;
import java.util.List;

/**
 * Port: the windows a vehicle already holds in applications that are submitted, under review or
 * approved (with an unrevoked permit). The server implements it; the submitting application may be
 * among them and is ignored.
 */
public interface VehicleBookings {

  List<Booking> of(Plate plate);

  static VehicleBookings none() {
    return plate -> List.of();
  }
}
