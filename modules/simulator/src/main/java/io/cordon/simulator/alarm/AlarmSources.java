package io.cordon.simulator.alarm;

import io.cordon.api.v1.Park;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Every family's devices of one park, drawing from one seeded random source. */
final class AlarmSources {

  private final Map<AlarmFamily, AlarmSource> sources = new EnumMap<>(AlarmFamily.class);

  AlarmSources(Park park, Random random, RequestIds ids) {
    OffenderPlates plates = new OffenderPlates(random);
    sources.put(AlarmFamily.INTRUSION, new PerimeterIntrusions(park, random, ids));
    sources.put(AlarmFamily.VIDEO, new VideoAnalytics(park, random, ids));
    sources.put(AlarmFamily.GATE, new GateEvents(park, random, ids, plates));
    sources.put(AlarmFamily.VEHICLE, new VehicleRules(park, random, ids, plates));
    sources.put(AlarmFamily.DEVICE, new DeviceHealth(park, random, ids));
  }

  /** The reports of one episode of the family beginning at {@code now}. */
  List<PlannedReport> next(AlarmFamily family, Instant now) {
    return sources.get(family).next(now);
  }
}
