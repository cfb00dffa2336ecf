package io.cordon.domain.registry;

import io.cordon.domain.identity.Vin;
import io.cordon.domain.park.EnterpriseId;
import io.cordon.domain.validation.Problems;
import io.cordon.domain.validation.Result;
import io.cordon.domain.vehicle.Plate;
import io.cordon.domain.vehicle.PlateColor;
import io.cordon.domain.vehicle.PlateKind;
import io.cordon.domain.vehicle.VehicleClass;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A vehicle as entered. Beyond each field's format: the plate colour must fit the plate (green or
 * yellow-green exactly for new-energy plates, yellow for trailers), and hazmat and hazwaste vehicles
 * need a transport permit (道路运输证) number and expiry.
 */
public record VehicleForm(String plate, PlateColor plateColor, VehicleClass vehicleClass, String vin,
    String ownerId, String transportPermitNumber, LocalDate transportPermitExpiresOn) {

  public Result<RegisteredVehicle> validate() {
    Problems p = new Problems();
    Optional<Plate> pl = p.parse("plate", plate, Plate::parse);
    p.require("plateColor", plateColor);
    p.require("vehicleClass", vehicleClass);
    Optional<Vin> v = p.parse("vin", vin, Vin::parse);
    Optional<String> owner = p.text("ownerId", ownerId, 40);
    if (pl.isPresent() && plateColor != null) {
      PlateKind kind = pl.get().kind();
      boolean green = plateColor == PlateColor.GREEN || plateColor == PlateColor.YELLOW_GREEN;
      if (kind.isNewEnergy() && !green) {
        p.add("plateColor", "a new-energy plate is green or yellow-green, not " + plateColor.name().toLowerCase());
      } else if (!kind.isNewEnergy() && green) {
        p.add("plateColor", "green plates have 8 characters; " + pl.get() + " is not a new-energy plate");
      } else if (kind == PlateKind.TRAILER && plateColor != PlateColor.YELLOW) {
        p.add("plateColor", "a trailer plate is yellow");
      }
    }
    Optional<TransportPermit> permit = Optional.empty();
    boolean anyPermit = transportPermitNumber != null && !transportPermitNumber.isBlank() || transportPermitExpiresOn != null;
    if (anyPermit || vehicleClass != null && vehicleClass.isDangerous()) {
      String suffix = vehicleClass != null && vehicleClass.isDangerous() && !anyPermit
          ? " for a " + vehicleClass.name().toLowerCase() + " vehicle" : "";
      Optional<String> number = Optional.empty();
      if (transportPermitNumber == null || transportPermitNumber.isBlank()) {
        p.add("transportPermit.number", "is required" + suffix);
      } else if (!transportPermitNumber.strip().matches("[0-9A-Za-z\\u4e00-\\u9fa5-]{6,30}")) {
        p.add("transportPermit.number", "must be 6-30 digits, letters or Chinese characters");
      } else {
        number = Optional.of(transportPermitNumber.strip());
      }
      if (transportPermitExpiresOn == null) {
        p.add("transportPermit.expiresOn", "is required" + suffix);
      }
      if (number.isPresent() && transportPermitExpiresOn != null) {
        permit = Optional.of(new TransportPermit(number.get(), transportPermitExpiresOn));
      }
    }
    Optional<TransportPermit> tp = permit;
    return p.result(() -> new RegisteredVehicle(pl.orElseThrow(), plateColor, vehicleClass, v.orElseThrow(),
        new EnterpriseId(owner.orElseThrow()), tp));
  }
}
