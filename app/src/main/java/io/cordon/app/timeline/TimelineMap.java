package io.cordon.app.timeline;

import io.cordon.client.event.EventSeverity;
import io.cordon.client.timeline.TimelineMark;
import io.cordon.client.timeline.TimelineTrack;
import io.cordon.client.timeline.TimelineViewModel;
import io.cordon.client.timeline.VehicleAtCursor;
import io.cordon.domain.park.Park;
import io.cordon.domain.track.TrackPoint;
import io.cordon.map.MapContext;
import io.cordon.map.MapViewport;
import io.cordon.map.ParkMapView;
import io.cordon.map.live.LiveVehicles;
import io.cordon.map.replay.ReplayMarker;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * The park map under the timeline: the window's tracks (thin lines in the vehicle class' colour,
 * drawn on a canvas over the map), the vehicles at the cursor as the map's own live vehicle arrows
 * with their plates, and the entries at the cursor that have a place as the map's replay markers
 * (the selected one labelled). Follows the view model; FX thread only.
 */
public final class TimelineMap extends Region {
  public static final String MAP_ID = "timeline-map";
  private static final Font PLATE_FONT = Font.font("Noto Sans CJK SC", FontWeight.BOLD, 13);
  private static final Color LABEL_BACK = Color.rgb(13, 22, 32, 0.8);

  private final TimelineViewModel vm;
  private final TimelineTexts texts;
  private final ParkMapView map = new ParkMapView();
  private final Canvas overlay = new Canvas();
  private long revision;
  private List<TimelineMark> markedOnMap = List.of();

  public TimelineMap(TimelineViewModel vm, ObservableValue<Park> park, TimelineTexts texts) {
    this.vm = vm;
    this.texts = texts;
    map.setId(MAP_ID);
    map.parkProperty().bind(park);
    map.state().localeProperty().bind(texts.i18n().localeProperty());
    overlay.setMouseTransparent(true);
    getChildren().addAll(map, overlay);
    getStyleClass().add("timeline-map");
    setMinSize(200, 150);

    vm.tracks().addListener((ListChangeListener<TimelineTrack>) c -> redrawOverlay());
    vm.vehiclesAtCursor().addListener((ListChangeListener<VehicleAtCursor>) c -> showVehicles());
    vm.marksAtCursor().addListener((ListChangeListener<TimelineMark>) c -> showMarks());
    vm.selectedProperty().addListener(o -> showMarks());
    map.state().viewportProperty().addListener(o -> redrawOverlay());
    map.state().contextProperty().addListener(o -> redrawOverlay());
    texts.i18n().localeProperty().addListener(o -> showMarks());
  }

  public ParkMapView map() {
    return map;
  }

  /** The canvas the tracks and plates are drawn on (snapshots, tests). */
  Canvas overlay() {
    return overlay;
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    double h = getHeight();
    map.resizeRelocate(0, 0, w, h);
    if (overlay.getWidth() != w || overlay.getHeight() != h) {
      overlay.setWidth(w);
      overlay.setHeight(h);
      redrawOverlay();
    }
  }

  @Override
  protected double computePrefWidth(double height) {
    return 800;
  }

  @Override
  protected double computePrefHeight(double width) {
    return 500;
  }

  private void showVehicles() {
    List<VehicleAtCursor> now = List.copyOf(vm.vehiclesAtCursor());
    long rev = ++revision;
    map.state().vehiclesProperty().set(new LiveVehicles() {
      @Override
      public long revision() {
        return rev;
      }

      @Override
      public void forEach(VehicleVisitor visitor) {
        for (VehicleAtCursor v : now) {
          visitor.visit(v.plate(), v.domainClass(),
              new TrackPoint(v.lon(), v.lat(), v.headingDeg(), v.speedKmh(), System.currentTimeMillis()), List.of());
        }
      }
    });
    redrawOverlay();
  }

  private void showMarks() {
    List<ReplayMarker> markers = new ArrayList<>();
    List<TimelineMark> marked = new ArrayList<>();
    for (TimelineMark mark : vm.marksAtCursor()) {
      mark.event().location().ifPresent(at -> {
        ReplayMarker.Kind kind = mark.severity() == EventSeverity.CRITICAL || mark.severity() == EventSeverity.MAJOR
            ? ReplayMarker.Kind.VIOLATION_STARTED : ReplayMarker.Kind.OTHER;
        markers.add(new ReplayMarker(kind, at.lon(), at.lat(), texts.summary(mark)));
        marked.add(mark);
      });
    }
    TimelineMark selected = vm.selectedProperty().get();
    if (selected != null && !marked.contains(selected) && selected.event().location().isPresent()) {
      markers.add(new ReplayMarker(ReplayMarker.Kind.OTHER, selected.event().location().get().lon(),
          selected.event().location().get().lat(), texts.summary(selected)));
      marked.add(selected);
    }
    markedOnMap = List.copyOf(marked);
    map.state().replay().markers().setAll(markers);
    int current = selected == null ? -1 : marked.indexOf(selected);
    map.state().replay().currentMarkerProperty().set(current >= 0 ? current : marked.isEmpty() ? -1 : 0);
  }

  private static void tracePath(GraphicsContext g, MapViewport v, MapContext context, TimelineTrack track) {
    g.beginPath();
    double lastX = Double.NaN;
    double lastY = Double.NaN;
    boolean started = false;
    for (TimelineTrack.Fix fix : track.fixes()) {
      double x = v.screenX(context.x(fix.lon()));
      double y = v.screenY(context.y(fix.lat()));
      if (started && Math.abs(x - lastX) < 1.5 && Math.abs(y - lastY) < 1.5) {
        continue; // same pixel
      }
      if (started) {
        g.lineTo(x, y);
      } else {
        g.moveTo(x, y);
        started = true;
      }
      lastX = x;
      lastY = y;
    }
  }

  /** The entries marked on the map now (tests). */
  List<TimelineMark> markedOnMap() {
    return markedOnMap;
  }

  private void redrawOverlay() {
    GraphicsContext g = overlay.getGraphicsContext2D();
    g.clearRect(0, 0, overlay.getWidth(), overlay.getHeight());
    MapContext context = map.state().context();
    if (context == null) {
      return;
    }
    MapViewport v = map.state().viewport();
    for (TimelineTrack track : vm.tracks()) {
      Color colour = TimelinePalette.vehicle(new VehicleAtCursor(track.plate(), track.vehicleClass(), 0, 0, 0, 0, 0,
          false).domainClass());
      tracePath(g, v, context, track);
      g.setLineWidth(5); // a dark casing keeps the track apart from the roads under it
      g.setStroke(Color.rgb(5, 9, 13, 0.85));
      g.stroke();
      g.setLineWidth(2.5);
      g.setStroke(colour);
      g.stroke();
    }
    // plates beside the vehicles at the cursor: the live layer labels them only when zoomed far in
    g.setFont(PLATE_FONT);
    g.setTextAlign(TextAlignment.LEFT);
    g.setTextBaseline(VPos.CENTER);
    int labelled = 0;
    for (VehicleAtCursor at : vm.vehiclesAtCursor()) {
      if (labelled++ > 60) {
        break;
      }
      double x = v.screenX(context.x(at.lon())) + 12;
      double y = v.screenY(context.y(at.lat())) - 12;
      String text = at.plate();
      double width = text.length() * 13 + 8;
      g.setFill(LABEL_BACK);
      g.fillRoundRect(x - 4, y - 10, width, 20, 6, 6);
      g.setFill(TimelinePalette.vehicle(at.domainClass()));
      g.fillText(text, x, y);
    }
  }
}
