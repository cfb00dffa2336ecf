package io.cordon.domain.appointment;

/** Parts of an application a kind can require (configuration). */
public enum RequiredField {
  PEOPLE, VEHICLES, DRIVER, ESCORT, GOODS, ROUTE, LOADING_POINT, PURPOSE;

  /** The field path used in errors. */
  public String path() {
    switch (this) {
      case LOADING_POINT:
        return "loadingPoint";
      default:
        return name().toLowerCase();
    }
  }
}
