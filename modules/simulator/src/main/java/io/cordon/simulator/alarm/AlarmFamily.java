package io.cordon.simulator.alarm;

/** The groups of alarm sources the simulator plays, each with its own rate. */
public enum AlarmFamily {
  /** Perimeter sensors: intrusion bursts, now and then a tamper or fault (SensorIngestService). */
  INTRUSION,
  /** Video analytics servers: intrusion, line crossing, loitering, crowding… (source kind "camera"). */
  VIDEO,
  /** Gate agents: forced passage, tailgating, denied hazmat vehicle (source kind "gate"). */
  GATE,
  /** Vehicle rules of the tracking system: speeding, route deviation… (source kind "vehicle"). */
  VEHICLE,
  /** Device-health monitors: cameras and gates offline, tampered or faulty. */
  DEVICE
}
