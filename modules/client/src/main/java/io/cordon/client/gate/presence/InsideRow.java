package io.cordon.client.gate.presence;

import io.cordon.api.v1.InsideEntry;
import java.time.Instant;

/**
 * One person or vehicle inside the park, for the evacuation roll call.
 *
 * @param holder plate or person id
 * @param holderClass PERSON or a vehicle class
 * @param gateId where they came in
 * @param since when they came in; null if unknown
 * @param phone for roll calls (people only); empty if none
 */
public record InsideRow(String holder, String name, String holderClass, String enterpriseId, String gateId,
    Instant since, String phone) {

  static InsideRow of(InsideEntry e) {
    return new InsideRow(e.getHolder(), e.getName(), e.getHolderClass(), e.getEnterpriseId(), e.getGateId(),
        e.hasSince() ? Instant.ofEpochSecond(e.getSince().getSeconds(), e.getSince().getNanos()) : null,
        e.getPhone());
  }

  public boolean person() {
    return "PERSON".equals(holderClass);
  }
}
