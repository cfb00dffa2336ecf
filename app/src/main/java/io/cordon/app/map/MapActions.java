package io.cordon.app.map;

import io.cordon.app.gate.GateCommandDialog;
import io.cordon.app.i18n.I18n;
import io.cordon.client.gate.GateCommandViewModel;
import io.cordon.client.gate.GateCommandViewModel.Action;
import io.cordon.domain.park.Gate;
import io.cordon.map.FeatureKind;
import io.cordon.map.MapAction;
import io.cordon.map.MapFeature;
import io.cordon.map.ParkMapView;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The map's right-click actions: every feature can be centred; a gate can be opened or closed
 * (with a reason, by operators and supervisors); a camera goes to the video wall once the wall
 * exists. Disabled actions say why, so an operator is never left guessing.
 */
final class MapActions implements Function<MapFeature, List<MapAction>> {
  private final ParkMapView map;
  private final Supplier<GateCommandViewModel> gateCommands;
  private final I18n i18n;

  MapActions(ParkMapView map, Supplier<GateCommandViewModel> gateCommands, I18n i18n) {
    this.map = map;
    this.gateCommands = gateCommands;
    this.i18n = i18n;
  }

  @Override
  public List<MapAction> apply(MapFeature feature) {
    List<MapAction> actions = new ArrayList<>();
    if (feature.kind() == FeatureKind.GATE && feature.source() instanceof Gate gate) {
      actions.add(gateAction(gate, Action.OPEN, "map.action.gate.open"));
      actions.add(gateAction(gate, Action.CLOSE, "map.action.gate.close"));
    }
    if (feature.kind() == FeatureKind.CAMERA) {
      // The video wall is issue 5; the action is here so operators find it where they expect it.
      actions.add(MapAction.disabled(i18n.get("map.action.camera.wall"), i18n.get("map.action.camera.wall.unavailable")));
    }
    actions.add(MapAction.of(i18n.get("map.action.centre"), () -> map.focus(feature)));
    return actions;
  }

  private MapAction gateAction(Gate gate, Action action, String key) {
    GateCommandViewModel vm = gateCommands.get();
    if (!vm.authorisedProperty().get()) {
      return MapAction.disabled(i18n.format(key, gate.name()), i18n.get("map.action.gate.notAuthorised"));
    }
    return MapAction.of(i18n.format(key, gate.name()), () -> {
      GateCommandDialog dialog = new GateCommandDialog(map.getScene().getWindow(), vm, gate, action, i18n);
      dialog.show();
    });
  }
}
