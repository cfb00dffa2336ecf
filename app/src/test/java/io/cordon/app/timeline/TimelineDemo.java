package io.cordon.app.timeline;

import io.cordon.app.i18n.I18n;
import io.cordon.app.theme.Styles;
import io.cordon.client.incident.IncidentClient;
import io.cordon.client.incident.IncidentsViewModel;
import io.cordon.client.timeline.TimelineClient;
import io.cordon.client.timeline.TimelineViewModel;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The timeline window with {@link TimelineDemoData}'s hour, for looking at it (and screenshots under
 * Xvfb). Arguments: "en" for English; "incidents" to show the incidents tab.
 */
public final class TimelineDemo extends Application {
  @Override
  public void start(Stage stage) {
    List<String> args = getParameters().getRaw();
    ManagedChannel nowhere = NettyChannelBuilder.forAddress("127.0.0.1", 9).usePlaintext().build();
    var background = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "demo");
      t.setDaemon(true);
      return t;
    });
    I18n i18n = new I18n(args.contains("en") ? Locale.ENGLISH : I18n.CHINESE);
    TimelineViewModel vm = new TimelineViewModel(new TimelineClient(nowhere, null, background), Platform::runLater,
        Clock.fixed(TimelineDemoData.TO, ZoneOffset.UTC));
    TimelineView view = new TimelineView(vm, new IncidentsViewModel(new IncidentClient(nowhere, null, background),
        Platform::runLater), new SimpleObjectProperty<>(TimelineDemoData.PARK), i18n);
    Scene scene = new Scene(view.root(), 1600, 1000);
    Styles.apply(scene);
    stage.setScene(scene);
    stage.titleProperty().bind(i18n.text("timeline.title"));
    stage.show();
    vm.show(TimelineDemoData.request(), TimelineDemoData.hour());
    vm.platesProperty().set("");
    vm.gateIdsProperty().set("G3");
    vm.zoomAt(1.6, 500);
    vm.seek(TimelineDemoData.SPEEDING.plusSeconds(45));
    vm.select(vm.lanes().get(0).marks().get(0));
    if (args.contains("incidents")) {
      view.newIncidentFrom(List.of("A-000012", "A-000013"));
      view.incidents().viewModel().titleProperty().set("G1 危化品车辆超速及南侧围栏入侵");
    }
  }

}
