package io.cordon.devices.sensor;

/**
 * Names the authenticated device account of the call being served. The server answers from its
 * authentication context; it is asked on the calling thread, and the answer travels inside the
 * {@link SensorObservation}, so nothing downstream depends on call-local state.
 */
@FunctionalInterface
public interface ReportingAccount {

  /** The account making the current call; empty when unknown. */
  String current();
}
