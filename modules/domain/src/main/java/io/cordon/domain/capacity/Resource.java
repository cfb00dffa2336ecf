package io.cordon.domain.capacity;

/** What a capacity limit counts. */
public enum Resource {
  PEOPLE, VEHICLES, DANGEROUS_VEHICLES_IN_ZONE
}
