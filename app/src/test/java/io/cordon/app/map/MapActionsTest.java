package io.cordon.app.map;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.api.v1.GateCommandRequest;
import io.cordon.api.v1.GateCommandResponse;
import io.cordon.api.v1.GateStatus;
import io.cordon.api.v1.Role;
import io.cordon.app.i18n.I18n;
import io.cordon.client.auth.Session;
import io.cordon.client.gate.GateBackend;
import io.cordon.client.gate.GateCommandViewModel;
import io.cordon.domain.park.Camera;
import io.cordon.domain.park.CameraId;
import io.cordon.domain.park.Gate;
import io.cordon.domain.park.GateId;
import io.cordon.domain.park.GateType;
import io.cordon.map.MapAction;
import io.cordon.map.ParkMapView;
import io.cordon.map.interact.FeatureIndex;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.testfx.framework.junit5.ApplicationExtension;

/** What a right-click on the map offers, by role. */
@ExtendWith(ApplicationExtension.class)
class MapActionsTest {
  private static final GeometryFactory GEO = new GeometryFactory();
  private static final Gate GATE = new Gate(new GateId("G8"), "东侧应急卡口", GateType.EMERGENCY,
      GEO.createPoint(new Coordinate(120.96, 31.93)), List.of(), true);
  private static final Camera CAMERA =
      new Camera(new CameraId("CAM-01"), "东门入口抓拍", GEO.createPoint(new Coordinate(120.96, 31.93)), 90, 60);

  private static final GateBackend NO_SERVER = new GateBackend() {
    @Override
    public CompletableFuture<List<GateStatus>> listStates() {
      return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<GateCommandResponse> command(GateCommandRequest request) {
      return CompletableFuture.completedFuture(GateCommandResponse.getDefaultInstance());
    }
  };

  private static MapActions actionsFor(Role role) {
    Session session = new Session("u", "U", List.of(role));
    return new MapActions(new ParkMapView(),
        () -> new GateCommandViewModel(NO_SERVER, session, new SimpleBooleanProperty(true), Runnable::run),
        new I18n(I18n.CHINESE));
  }

  @Test
  void anOperatorMayOpenAndCloseAGate() {
    List<MapAction> actions = actionsFor(Role.ROLE_OPERATOR).apply(FeatureIndex.gate(GATE));
    assertThat(actions).extracting(MapAction::text).startsWith("开启 东侧应急卡口…", "关闭 东侧应急卡口…");
    assertThat(actions.get(0).enabled()).isTrue();
    assertThat(actions.get(1).enabled()).isTrue();
  }

  @Test
  void anAdminSeesTheGateActionsDisabledWithTheReason() {
    List<MapAction> actions = actionsFor(Role.ROLE_ADMIN).apply(FeatureIndex.gate(GATE));
    assertThat(actions.get(0).enabled()).isFalse();
    assertThat(actions.get(0).disabledReason()).contains("值班员");
  }

  @Test
  void aCameraOffersTheVideoWallButSaysItIsNotConnectedYet() {
    List<MapAction> actions = actionsFor(Role.ROLE_OPERATOR).apply(FeatureIndex.camera(CAMERA));
    assertThat(actions.get(0).text()).isEqualTo("在视频墙显示");
    assertThat(actions.get(0).enabled()).isFalse();
    assertThat(actions.get(0).disabledReason()).isNotBlank();
  }

  @Test
  void everyFeatureCanBeCentred() {
    assertThat(actionsFor(Role.ROLE_OPERATOR).apply(FeatureIndex.camera(CAMERA)))
        .extracting(MapAction::text).contains("居中显示");
  }
}
