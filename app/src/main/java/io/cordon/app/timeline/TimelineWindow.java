package io.cordon.app.timeline;

import io.cordon.api.v1.Incident;
import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.incident.IncidentClient;
import io.cordon.client.incident.IncidentsViewModel;
import io.cordon.client.timeline.TimelineClient;
import io.cordon.client.timeline.TimelineViewModel;
import io.cordon.domain.park.Park;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The timeline's own window (事件时间轴), opened from the view menu, from an incident, and from the
 * alarm queue's "新建事件"; built on first use, kept (hidden) when closed so its filters survive.
 */
public final class TimelineWindow {
  private final TimelineClient timelines;
  private final IncidentClient incidents;
  private final ObservableValue<Park> park;
  private final I18n i18n;
  private final Executor ui;
  private final Clock clock;
  private Window owner;
  private TimelineView view;
  private Stage stage;
  private Consumer<Instant> videoSync;
  private javafx.scene.Node videoContent;

  /**
   * @param park the park plan, for the map
   * @param ui the FX thread ({@code Platform::runLater})
   * @param clock real time, for the presets
   */
  public TimelineWindow(TimelineClient timelines, IncidentClient incidents, ObservableValue<Park> park, I18n i18n,
      Executor ui, Clock clock) {
    this.timelines = Objects.requireNonNull(timelines, "timelines");
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.park = Objects.requireNonNull(park, "park");
    this.i18n = Objects.requireNonNull(i18n, "i18n");
    this.ui = Objects.requireNonNull(ui, "ui");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The window the timeline stays above (the main window). */
  public void setOwner(Window owner) {
    this.owner = owner;
  }

  /** Shows the window (building it on first use) and refreshes the incidents. */
  public TimelineView show() {
    if (stage == null) {
      view = new TimelineView(new TimelineViewModel(timelines, ui, clock), new IncidentsViewModel(incidents, ui),
          park, i18n);
      if (videoSync != null) {
        view.setVideoSync(videoSync);
      }
      if (videoContent != null) {
        view.setVideoContent(videoContent);
      }
      stage = new Stage();
      stage.titleProperty().bind(i18n.text("timeline.title"));
      if (owner != null) {
        stage.initOwner(owner);
      }
      javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
      Scene scene = new Scene(view.root(), Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
      Styles.apply(scene);
      stage.setScene(scene);
    }
    view.incidents().viewModel().refresh();
    stage.show();
    stage.toFront();
    return view;
  }

  /** Opens the window on an incident's timeline. */
  public void showIncident(Incident incident) {
    show().showIncident(incident);
  }

  /** Opens the window with a new incident's form filled with these alarms (the alarm queue's 新建事件). */
  public void newIncidentFrom(List<String> alarmIds) {
    show().newIncidentFrom(alarmIds);
  }

  /** Where the cursor's moments go (the synchronised playback's seekAll); kept for a window built later. */
  public void setVideoSync(Consumer<Instant> sync) {
    videoSync = Objects.requireNonNull(sync, "sync");
    if (view != null) {
      view.setVideoSync(sync);
    }
  }

  /** Moves the open window's cursor with the playing video (see {@link TimelineView#followVideo}). */
  public void followVideo(Instant at) {
    if (view != null && stage != null && stage.isShowing()) {
      view.followVideo(at);
    }
  }

  /** The synchronised video's node (the playback group's), put in the video area; kept for a window built later. */
  public void setVideoContent(javafx.scene.Node content) {
    videoContent = content;
    if (view != null) {
      view.setVideoContent(content);
    }
  }

  /** The cameras linked to what the timeline shows now (none before it is opened). */
  public java.util.List<String> cameraIds() {
    return view == null ? java.util.List.of() : java.util.List.copyOf(view.viewModel().cameraIds());
  }

  /** The view once opened (tests, and the lead's video wiring). */
  public TimelineView view() {
    return view;
  }

  public void close() {
    if (view != null) {
      view.close();
    }
    if (stage != null) {
      stage.close();
    }
  }
}
