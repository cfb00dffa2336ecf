package io.cordon.domain.alarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.domain.park.Camera;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.Park;
import io.cordon.domain.park.ParkFixture;
import io.cordon.domain.park.SegmentId;
import io.cordon.domain.park.ZoneClass;
import io.cordon.domain.park.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/**
 * Placing alarms in the fixture's 1 km square. Around the core-area point (200, 200) stand: a dome
 * 100 m east, a camera 120 m north looking south at it, one 120 m south looking away, one 300 m
 * north looking at it but out of range.
 */
class AlarmPlacesTest {

  private static final ParkFixture PLAN = ParkFixture.metres();
  private static final CameraId DOME_EAST = new CameraId("CAM-DOME-E");
  private static final CameraId NORTH_LOOKING_SOUTH = new CameraId("CAM-N");
  private static final CameraId SOUTH_LOOKING_AWAY = new CameraId("CAM-S");
  private static final CameraId FAR_NORTH = new CameraId("CAM-FAR");

  private final Park park = ParkFixture.edit(ParkFixture.minimalValidPark(), parts -> {
    parts.cameras.add(camera(DOME_EAST, 300, 200, 0, 360));
    parts.cameras.add(camera(NORTH_LOOKING_SOUTH, 200, 320, 180, 60));
    parts.cameras.add(camera(SOUTH_LOOKING_AWAY, 200, 80, 180, 60));
    parts.cameras.add(camera(FAR_NORTH, 200, 500, 180, 60));
  });
  private final AlarmPlaces places = AlarmPlaces.of(park);

  @Test
  void aPointInTheCoreAreaIsLocatedInTheCoreZone() {
    AlarmLocation location = locate(200, 200, Optional.empty());

    assertThat(location.zone()).contains(new ZoneId("Z-CORE"));
    assertThat(location.zoneClass()).isEqualTo(ZoneClass.CORE);
  }

  @Test
  void aPointInTheKeyAreaIsLocatedInTheKeyZone() {
    assertThat(locate(700, 700, Optional.empty()).zoneClass()).isEqualTo(ZoneClass.KEY);
  }

  @Test
  void aPointElsewhereInsideThePerimeterIsInTheGeneralArea() {
    AlarmLocation location = locate(500, 500, Optional.empty());

    assertThat(location.zone()).contains(new ZoneId("Z-GEN"));
    assertThat(location.zoneClass()).isEqualTo(ZoneClass.GENERAL);
  }

  @Test
  void aPointOutsideEveryZoneHasNoZoneAndCountsAsGeneral() {
    AlarmLocation location = locate(-50, 500, Optional.empty());

    assertThat(location.zone()).isEmpty();
    assertThat(location.zoneClass()).isEqualTo(ZoneClass.GENERAL);
  }

  @Test
  void locatingKeepsTheFeaturesTheAlarmIsAt() {
    Coordinate c = PLAN.lonLat(250, 0);
    AlarmLocation location = places.locate(c.x, c.y, Optional.of(new SegmentId("SEG-1")), Optional.empty(),
        Optional.of(DOME_EAST));

    assertThat(location.segment()).contains(new SegmentId("SEG-1"));
    assertThat(location.camera()).contains(DOME_EAST);
  }

  @Test
  void camerasInRangeThatLookAtThePointCoverItNearestFirst() {
    assertThat(places.camerasCovering(locate(200, 200, Optional.empty())))
        .containsExactly(DOME_EAST, NORTH_LOOKING_SOUTH);
  }

  @Test
  void aCameraLookingAwayDoesNotCoverThePoint() {
    assertThat(places.camerasCovering(locate(200, 200, Optional.empty()))).doesNotContain(SOUTH_LOOKING_AWAY);
  }

  @Test
  void aCameraBeyondItsRangeDoesNotCoverThePoint() {
    assertThat(places.camerasCovering(locate(200, 200, Optional.empty()))).doesNotContain(FAR_NORTH);
  }

  @Test
  void aLongerRangeBringsTheFarCameraIn() {
    AlarmPlaces farSighted = new AlarmPlaces(park, 400);

    assertThat(farSighted.camerasCovering(locate(200, 200, Optional.empty()))).contains(FAR_NORTH);
  }

  @Test
  void theRaisingCameraComesFirstEvenWhenItDoesNotSeeThePointByPlan() {
    assertThat(places.camerasCovering(locate(200, 200, Optional.of(SOUTH_LOOKING_AWAY))))
        .containsExactly(SOUTH_LOOKING_AWAY, DOME_EAST, NORTH_LOOKING_SOUTH);
  }

  @Test
  void theRaisingCameraIsNotListedTwice() {
    assertThat(places.camerasCovering(locate(200, 200, Optional.of(NORTH_LOOKING_SOUTH))))
        .containsExactly(NORTH_LOOKING_SOUTH, DOME_EAST);
  }

  @Test
  void atMostFourCamerasAreLinked() {
    Park crowded = ParkFixture.edit(park, parts -> {
      for (int i = 0; i < 6; i++) {
        parts.cameras.add(camera(new CameraId("CAM-D" + i), 210 + 10 * i, 210, 0, 360));
      }
    });

    assertThat(AlarmPlaces.of(crowded).camerasCovering(locate(200, 200, Optional.empty())))
        .hasSize(AlarmPlaces.MAX_LINKED_CAMERAS);
  }

  @Test
  void segmentsThatShareACornerTouch() {
    assertThat(places.touching(new SegmentId("SEG-1"), new SegmentId("SEG-2"))).isTrue();
    assertThat(places.touching(new SegmentId("SEG-4"), new SegmentId("SEG-1"))).isTrue();
  }

  @Test
  void oppositeSidesOfTheParkDoNotTouch() {
    assertThat(places.touching(new SegmentId("SEG-1"), new SegmentId("SEG-3"))).isFalse();
  }

  @Test
  void aSegmentTouchesItself() {
    assertThat(places.touching(new SegmentId("SEG-2"), new SegmentId("SEG-2"))).isTrue();
  }

  @Test
  void anUnknownSegmentTouchesNothing() {
    assertThat(places.touching(new SegmentId("SEG-1"), new SegmentId("SEG-99"))).isFalse();
  }

  private AlarmLocation locate(double x, double y, Optional<CameraId> camera) {
    Coordinate c = PLAN.lonLat(x, y);
    return places.locate(c.x, c.y, Optional.empty(), Optional.empty(), camera);
  }

  private static Camera camera(CameraId id, double x, double y, double headingDeg, double fovDeg) {
    return new Camera(id, id.value(), PLAN.point(x, y), headingDeg, fovDeg);
  }
}
